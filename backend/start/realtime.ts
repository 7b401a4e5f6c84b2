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
import { onRemoteBroadcast } from '#services/realtime_transport'
import { forgetTokensOf } from '#services/token_provider'

authorizeChannels()
trackStreamOwners()
onRecorded(broadcastRecorded)

/*
| A stream outlives the request that opened it: a deactivation, a revoked
| token or a role change made here ends it at once; made on another
| instance (or a token expiring), within a minute.
*/
onRecorded(revalidateAfter)

/*
| Cached tokens (see token_provider.ts) go when their owner changes: a
| role, a deactivation, a token revoked. Here at once; on the other
| instances when the change's `resources/<users|agents>` message arrives.
*/
onRecorded((event) => forgetTokensOf(event.resourceType, event.resourceId))
onRemoteBroadcast((channel, payload) => {
  const table = channel.startsWith('resources/') ? channel.slice('resources/'.length) : null
  const ids = (payload as { ids?: unknown } | null)?.ids
  if (table && Array.isArray(ids)) for (const id of ids) forgetTokensOf(table, String(id))
})
const recheck = setInterval(() => void revalidateStreams().catch(() => {}), 60_000).unref()

/*
| Open SSE responses would keep the HTTP server from closing: end them
| first (this hook runs before the server's own), clients reconnect elsewhere.
*/
app.terminating(async () => {
  clearInterval(recheck)
  await closeAllStreams()
})
