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
import { authorizeChannels, broadcastRecorded, closeAllStreams } from '#services/realtime'

authorizeChannels()
onRecorded(broadcastRecorded)

/*
| Open SSE responses would keep the HTTP server from closing: end them
| first (this hook runs before the server's own), clients reconnect elsewhere.
*/
app.terminating(() => closeAllStreams())
