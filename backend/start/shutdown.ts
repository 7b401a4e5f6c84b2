/*
|--------------------------------------------------------------------------
| Graceful shutdown
|--------------------------------------------------------------------------
|
| On SIGTERM the server stops listening and finishes the requests in
| flight. Keep-alive connections would otherwise keep bringing new requests
| in forever: from now on every answer says `Connection: close`, idle
| connections are closed as they become idle, and whatever is still open
| after the grace period is cut.
|
*/

import app from '@adonisjs/core/services/app'
import server from '@adonisjs/core/services/server'

const GRACE_MS = 10_000
let draining = false

export function isDraining() {
  return draining
}

/* Registered before the HTTP server's own terminating hook, so it runs first. */
app.terminating(() => {
  draining = true
  const node = server.getNodeServer()
  if (!node) return
  node.closeIdleConnections()
  setInterval(() => node.closeIdleConnections(), 50).unref()
  setTimeout(() => node.closeAllConnections(), GRACE_MS).unref()
})
