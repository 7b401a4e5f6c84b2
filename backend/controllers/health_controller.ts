import type { HttpContext } from '@adonisjs/core/http'
import { pgQuery } from '#services/pg_client'
import { redisHealth } from '#services/redis_health'
import { DatabaseTimeoutError } from '#services/database_errors'
import { databaseOutage, RETRY_AFTER_SECONDS } from '#services/database_outage'
import { isDraining } from '#start/shutdown'

/* A health check answers within this, whatever the database does (frozen, pool full). */
const DATABASE_CHECK_MS = 2000

/** `select 1` through the pool, given at most DATABASE_CHECK_MS. */
async function databaseHealth(): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      pgQuery('select 1'),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new DatabaseTimeoutError(DATABASE_CHECK_MS, 'health check')),
          DATABASE_CHECK_MS
        )
      }),
    ])
    databaseOutage.recovered()
    return 'ok'
  } catch (error) {
    databaseOutage.failed(error)
    return 'down'
  } finally {
    clearTimeout(timer)
  }
}

/**
 * GET /api/health → {status, db, redis}; 503 (with Retry-After) when the
 * database is down, answered within about 2 s even while it hangs; 503 with
 * status `draining` while the instance shuts down (load balancers stop
 * sending it requests; it still serves those that arrive).
 */
export default class HealthController {
  async handle({ response }: HttpContext) {
    const [database, redis] = await Promise.all([databaseHealth(), redisHealth()])
    if (isDraining()) return response.status(503).send({ status: 'draining', db: database, redis })
    const status = database === 'ok' ? (redis === 'down' ? 'degraded' : 'ok') : 'down'
    if (database !== 'ok') response.header('Retry-After', String(RETRY_AFTER_SECONDS))
    return response.status(database === 'ok' ? 200 : 503).send({ status, db: database, redis })
  }
}
