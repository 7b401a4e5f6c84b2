/*
|--------------------------------------------------------------------------
| Realtime
|--------------------------------------------------------------------------
|
| Every recorded change is broadcast after commit; channels with rules are
| authorized here. The routes are in routes.ts (before the SPA catch-all).
|
*/

import app from '@adonisjs/core/services/app'
import { onRecorded } from '#services/change_recorder'
import {
  authorizeChannels,
  broadcastRecorded,
  closeAllStreams,
  revalidateAfter,
  revalidateStreams,
  trackStreamOwners,
} from '#services/realtime'

authorizeChannels()
trackStreamOwners()
onRecorded(broadcastRecorded)

/*
| A stream outlives the request that opened it: a deactivation, a revoked
| token or a role change made here ends it at once; made on another
| instance (or a token expiring), within a minute.
*/
onRecorded(revalidateAfter)
const recheck = setInterval(() => void revalidateStreams().catch(() => {}), 60_000).unref()

/*
| Open SSE responses would keep the HTTP server from closing: end them
| first (this hook runs before the server's own), clients reconnect elsewhere.
*/
app.terminating(async () => {
  clearInterval(recheck)
  await closeAllStreams()
})
