import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { redisHealth } from '#services/redis_health'
import { isDraining } from '#start/shutdown'

/**
 * GET /api/health → {status, db, redis}; 503 when the database is down, and
 * 503 with status `draining` while the instance shuts down (load balancers
 * stop sending it requests; it still serves those that arrive).
 */
export default class HealthController {
  async handle({ response }: HttpContext) {
    const [database, redis] = await Promise.all([
      db
        .rawQuery('select 1')
        .then(() => 'ok' as const)
        .catch(() => 'down' as const),
      redisHealth(),
    ])
    if (isDraining()) return response.status(503).send({ status: 'draining', db: database, redis })
    const status = database === 'ok' ? (redis === 'down' ? 'degraded' : 'ok') : 'down'
    return response.status(database === 'ok' ? 200 : 503).send({ status, db: database, redis })
  }
}
