/*
|--------------------------------------------------------------------------
| Realtime
|--------------------------------------------------------------------------
|
| Every recorded change is delivered after commit, by every instance to its
| own streams (services/realtime.ts); channels with rules are authorized
| here; streams belong to whoever opened them (services/realtime_streams.ts).
| The routes are in routes.ts (before the SPA catch-all).
|
*/

import app from '@adonisjs/core/services/app'
import { onRecorded } from '#services/change_recorder'
import {
  authorizeChannels,
  broadcastRecorded,
  onForeignEvent,
  receiveRecorded,
  sequencer,
} from '#services/realtime'
import {
  closeAllStreams,
  receiveForwarded,
  refreshRegistry,
  revalidateAfter,
  revalidateStreams,
  startRegistryRefresh,
  startSlowStreamWatch,
} from '#services/realtime_streams'
import { onRemoteMessage, realtimeTransport } from '#services/realtime_transport'
import { forgetTokensOf } from '#services/token_provider'
import { onListenerClosed } from '#start/shutdown'

authorizeChannels()
onRecorded(broadcastRecorded)

/* What the other instances publish: their recorded events, and subscriptions for our streams. */
onRemoteMessage(receiveRecorded)
onRemoteMessage((message) => void receiveForwarded(message).catch(() => {}))

/*
| Redis back after an outage (or a reconnect): read the table for what was
| missed at once rather than at the next poll, and register our streams again.
*/
realtimeTransport()?.onReady(() => {
  sequencer.pollSoon()
  void refreshRegistry()
})
const refresh = startRegistryRefresh()
/* a client that falls behind is cut (and backfills), instead of growing this instance's memory */
const slowWatch = startSlowStreamWatch()

/*
| Changes to a user or an agent (a role, a deactivation, a token revoked)
| reach what this instance holds for them, first its cached tokens (see
| token_provider.ts), then its open streams: a stream outlives the request
| that opened it, and is ended if its owner may no longer hold it. Made
| here: at once. Made on another instance: as soon as this one hears of the
| change (through Redis; while Redis is down, from the table if it has open
| streams). A token expiring, or a change missed otherwise: within a minute.
| Tokens go first, so a client whose stream ends cannot reconnect with
| what was cached.
*/
onRecorded((event) => forgetTokensOf(event.resourceType, event.resourceId))
onRecorded(revalidateAfter)
onForeignEvent((event) => {
  if (event.resourceType !== 'users' && event.resourceType !== 'agents') return
  forgetTokensOf(event.resourceType, event.resourceId)
  void revalidateStreams((owner) => owner.id === event.resourceId).catch(() => {})
})
const recheck = setInterval(() => void revalidateStreams().catch(() => {}), 60_000).unref()

/*
| Open SSE responses would keep the HTTP server from closing: they end once
| the listener is closed (start/shutdown.ts), so that their clients
| reconnect to another instance.
*/
onListenerClosed(() => closeAllStreams())
app.terminating(async () => {
  clearInterval(recheck)
  clearInterval(refresh)
  clearInterval(slowWatch)
  await closeAllStreams()
  sequencer.deactivate()
})
