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
import { onListenerClosed } from '#start/shutdown'

authorizeChannels()
trackStreamOwners()
onRecorded(broadcastRecorded)

/*
| Changes to a user or an agent (a role, a deactivation, a token revoked)
| reach what this instance holds for them, first its cached tokens (see
| token_provider.ts), then its open streams: a stream outlives the request
| that opened it, and is ended if its owner may no longer hold it. Made
| here: at once. Made on another instance: when the change's
| `resources/<users|agents>` message arrives through the bus. A token
| expiring, or a change missed while Redis was down: within a minute.
| Tokens go first, so a client whose stream ends cannot reconnect with
| what was cached.
*/
onRecorded((event) => forgetTokensOf(event.resourceType, event.resourceId))
onRecorded(revalidateAfter)
onRemoteBroadcast((channel, payload) => {
  const table = channel.startsWith('resources/') ? channel.slice('resources/'.length) : null
  const ids = (payload as { ids?: unknown } | null)?.ids
  if (!table || !Array.isArray(ids) || (table !== 'users' && table !== 'agents')) return
  const owners = new Set(ids.map(String))
  for (const id of owners) forgetTokensOf(table, id)
  void revalidateStreams((owner) => owners.has(owner.id)).catch(() => {})
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
  await closeAllStreams()
})
