/*
|--------------------------------------------------------------------------
| Graceful shutdown
|--------------------------------------------------------------------------
|
| On SIGTERM (app.terminate()), in this order:
| 1. draining: GET /api/health answers 503 `{"status":"draining"}` and every
|    answer says `Connection: close`; the server keeps accepting and serving
|    for SHUTDOWN_DRAIN_SECONDS (default 2) so load balancers notice;
| 2. the listener closes: new connections are refused (ECONNREFUSED, which a
|    proxy retries on another instance); event streams are ended (clients
|    reconnect elsewhere and backfill by seq);
| 3. every request already accepted is finished; idle keep-alive
|    connections close at Node's keep-alive timeout;
| 4. SHUTDOWN_GRACE_SECONDS (default 10) after the signal, less a second for
|    the rest of the shutdown, reads still running (a long export) are cut;
|    a write is never cut: it is waited for.
| Then the app's other terminating hooks run and the process exits.
| See docs/DEPLOY.md.
|
*/

import app from '@adonisjs/core/services/app'
import server from '@adonisjs/core/services/server'
import env from '#start/env'
import { closeRedisHealth } from '#services/redis_health'
import { drainHttpServer } from '../runtime/http_server.js'

let draining = false

export function isDraining() {
  return draining
}

/** The grace period and its draining part, in ms (draining is at most half the grace period). */
export function shutdownTimings() {
  const grace = Math.max(1, env.get('SHUTDOWN_GRACE_SECONDS') ?? 10) * 1000
  const drain = Math.min(Math.max(0, env.get('SHUTDOWN_DRAIN_SECONDS') ?? 2) * 1000, grace / 2)
  return { grace, drain }
}

type Hook = () => Promise<void> | void
const listenerClosedHooks: Hook[] = []

/** Runs once the listener is closed, before waiting for the connections (e.g. ending event streams). */
export function onListenerClosed(hook: Hook) {
  listenerClosedHooks.push(hook)
}

/* Registered before the HTTP server's own terminating hook, so it runs first. */
app.terminating(async () => {
  draining = true
  const node = server.getNodeServer()
  if (!node) return
  const { grace, drain } = shutdownTimings()
  const started = Date.now()
  const { default: logger } = await import('@adonisjs/core/services/logger')
  const serving = node.listening
  if (serving) {
    logger.info(`Shutting down: draining for ${drain / 1000} s, at most ${grace / 1000} s in all`)
    /* the last resort should a dependency hang the rest of the shutdown (writes are done by then) */
    setTimeout(() => {
      logger.error('Shutdown took longer than the grace period: exiting now')
      process.exit(1)
    }, grace + 5000).unref()
  }
  await drainHttpServer(node, {
    drainMs: serving ? drain : 0,
    /* a second is left for what follows (streams, Redis, the database pool) */
    deadline: started + Math.max(grace - 1000, drain),
    onListenerClosed: async () => {
      for (const hook of listenerClosedHooks) {
        await Promise.resolve()
          .then(hook)
          .catch((error) => logger.warn({ err: error }, 'shutdown hook failed'))
      }
    },
    onWritesPastDeadline: (count) =>
      logger.warn(`Shutting down: waiting for ${count} write(s) still running at the deadline`),
  })
  /* a health check made while draining may have opened its Redis connection */
  await closeRedisHealth()
})
