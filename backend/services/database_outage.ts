/**
 * One database outage, one warning: the first request (or health check,
 * or background job) that finds the database unavailable logs a warning
 * with the reason; the ones after it during the same outage are counted,
 * not logged (at debug level only, with their request id). Meanwhile a
 * probe opens a fresh connection every second, outside the pool; the first
 * that answers `select 1` ends the outage with one info line (how long it
 * lasted, how many requests got 503). A healthy health check ends it too.
 * Failures in the second after that still belong to it (SETTLE_MS).
 */
import pg from 'pg'
import logger from '@adonisjs/core/services/logger'
import { connectionUrl, databaseSettings } from '#config/database'
import { DatabaseTimeoutError, unavailableReason } from '#services/database_errors'

const PROBE_EVERY_MS = 1000
/*
| Requests that were already failing when the probe got its answer may
| report their failure a moment after: for this long after a recovery, a
| failure belongs to the outage that just ended (logged at debug), not to
| a new one. A database that stays down keeps failing past it and is
| reported again.
*/
const SETTLE_MS = 1000

/** Seconds a client should wait before trying again while the database is down. */
export const RETRY_AFTER_SECONDS = 5

class DatabaseOutage {
  #since: number | null = null
  #recoveredAt = 0
  #failures = 0
  #probe: NodeJS.Timeout | null = null
  #probing = false

  get down() {
    return this.#since !== null
  }

  /** The database failed someone: the first failure of an outage is logged, the rest counted. */
  failed(error: unknown, requestId?: string) {
    if (this.#since !== null || Date.now() - this.#recoveredAt < SETTLE_MS) {
      this.#failures++
      logger.debug({ requestId, reason: unavailableReason(error) }, 'database unavailable')
      return
    }
    this.#since = Date.now()
    this.#failures = 1
    logger.warn(
      { reason: unavailableReason(error), requestId },
      'database unavailable: requests answer 503 until it is back'
    )
    this.#probe = setInterval(() => void this.#check(), PROBE_EVERY_MS)
    this.#probe.unref()
  }

  /** The database answered: ends the outage, if there was one. */
  recovered() {
    if (this.#since === null) return
    const downForMs = Date.now() - this.#since
    const failedRequests = this.#failures
    this.#since = null
    this.#recoveredAt = Date.now()
    this.#failures = 0
    if (this.#probe) clearInterval(this.#probe)
    this.#probe = null
    logger.info(
      { downForMs, failed: failedRequests },
      `database available again after ${(downForMs / 1000).toFixed(1)} s (${failedRequests} failures while down)`
    )
  }

  async #check() {
    if (this.#probing || this.#since === null) return
    this.#probing = true
    try {
      await probeDatabase()
      this.recovered()
    } catch {
      /* still down */
    } finally {
      this.#probing = false
    }
  }

  /** Forgets the probe (the app stops). */
  stop() {
    if (this.#probe) clearInterval(this.#probe)
    this.#probe = null
  }
}

export const databaseOutage = new DatabaseOutage()

/** `select 1` on a fresh connection, bounded by the connect and statement timeouts. */
export async function probeDatabase() {
  const timeoutMs =
    databaseSettings.connectTimeoutMs + (databaseSettings.clientStatementTimeoutMs || 5000)
  const client = new pg.Client({
    connectionString: connectionUrl(),
    connectionTimeoutMillis: databaseSettings.connectTimeoutMs,
    application_name: 'mission-control:probe',
  })
  client.on('error', () => {})
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      client.connect().then(() => client.query('select 1')),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseTimeoutError(timeoutMs, 'probe')), timeoutMs)
      }),
    ])
    void client.end().catch(() => {})
  } catch (error) {
    // a server that does not answer would not answer a goodbye either
    ;(client as any).connection?.stream?.destroy()
    throw error
  } finally {
    clearTimeout(timer)
  }
}
