/**
 * What "the database is unavailable" looks like from here, whichever layer
 * noticed it (pg, knex's pool, Lucid, the session store, the auth guard,
 * the token provider, an export), and the client side of the statement
 * timeout. Every such error answers 503 E_UNAVAILABLE (exceptions/handler.ts)
 * and is logged once per outage (services/database_outage.ts), not once per
 * request.
 */
import type pg from 'pg'

/**
 * SQLSTATEs of a server that cannot serve us now: class 08 (connection
 * exception), 53 (insufficient resources: too many connections, out of
 * memory or disk), 57P01-57P05 (admin/crash shutdown, cannot connect now,
 * database dropped, idle session timeout), 57014 (query_canceled: our
 * statement timeout, or an administrator's cancel), 58000/58030 (system
 * and I/O errors).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|53...|57P0[1-5]|57014|58000|58030)$/

/* Node's socket errors on the way to the database. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
])

/* pg's and pg-pool's messages for a connection that broke, never opened or stopped answering. */
const DRIVER_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'timeout expired',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
  // knex, once its pool is destroyed (the instance is stopping)
  'Unable to acquire a connection',
]

/** Our own client-side statement timeout: the server did not answer at all. */
export class DatabaseTimeoutError extends Error {
  readonly code = 'E_DB_TIMEOUT'
  constructor(
    readonly timeoutMs: number,
    what = 'statement'
  ) {
    super(`The database did not answer a ${what} within ${timeoutMs} ms`)
    this.name = 'DatabaseTimeoutError'
  }
}

/**
 * Whether `error` (or an error it wraps: `cause`, AggregateError's
 * `errors`) says the database is unreachable, frozen, overloaded or going
 * down, rather than that the request or our code was wrong.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const e = error as {
    name?: unknown
    code?: unknown
    message?: unknown
    cause?: unknown
    errors?: unknown
  }
  if (error instanceof DatabaseTimeoutError || e.name === 'DatabaseTimeoutError') return true
  // knex/tarn: no pool connection within the acquire timeout
  if (e.name === 'KnexTimeoutError') return true
  if (typeof e.code === 'string') {
    if (UNAVAILABLE_SQLSTATES.test(e.code) || NETWORK_CODES.has(e.code)) return true
  }
  if (typeof e.message === 'string') {
    // knex prefixes a failed query's message with its SQL: look at the end
    const message = e.message
    if (DRIVER_MESSAGES.some((known) => message === known || message.endsWith(` - ${known}`))) {
      return true
    }
  }
  if (
    Array.isArray(e.errors) &&
    e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))
  ) {
    return true
  }
  return isDatabaseUnavailable(e.cause, depth + 1)
}

/** The short reason of an unavailability, for the outage warning. */
export function unavailableReason(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null
  const full = String(e?.message ?? error)
  // knex's "<sql> - <message>": the message alone
  const cut = full.lastIndexOf(' - ')
  const message = (cut < 0 ? full : full.slice(cut + 3)).slice(0, 200)
  return typeof e?.code === 'string' && !message.includes(e.code)
    ? `${e.code}: ${message}`
    : message
}

/**
 * The client side of the statement timeout, for a pooled `pg` client: a
 * statement that gets no answer within `timeoutMs` fails with
 * DatabaseTimeoutError, and the connection is closed at once (the pool
 * drops it; the server, once it runs again, sees the connection gone and
 * rolls back whatever was open on it). PostgreSQL's own statement_timeout,
 * shorter, cancels a statement that runs too long on a server that
 * answers; this one is for a server that answers nothing: frozen, or cut
 * off by the network.
 *
 * Closing rather than carrying on matters: pg's own `query_timeout` leaves
 * the statement running on the connection, and a transaction whose
 * ROLLBACK timed out too would be handed to the next request still open.
 * Statements passed as objects with `submit` (COPY streams) are left alone.
 */
export function guardStatements(client: pg.Client, timeoutMs: number) {
  const query = client.query as (...args: any[]) => any
  ;(client as any).query = function guardedQuery(
    this: pg.Client,
    config: any,
    values?: any,
    callback?: any
  ) {
    if (!config || typeof config.submit === 'function') {
      return query.call(this, config, values, callback)
    }
    if (typeof values === 'function') {
      callback = values
      values = undefined
    }
    if (typeof callback === 'function') {
      query.call(this, config, values, watch(this, timeoutMs, callback))
      return undefined
    }
    return new Promise((resolve, reject) => {
      query.call(
        this,
        config,
        values,
        watch(this, timeoutMs, (error: unknown, result: unknown) =>
          error ? reject(error) : resolve(result)
        )
      )
    })
  }
}

function watch(
  client: pg.Client,
  timeoutMs: number,
  callback: (error: unknown, result?: unknown) => void
) {
  let settled = false
  const timer = setTimeout(() => {
    settled = true
    const error = new DatabaseTimeoutError(timeoutMs)
    // knex's pool refuses a disposed connection; the socket is closed at once
    ;(client as any).__knex__disposed = error
    ;(client as any).connection?.stream?.destroy()
    callback(error)
  }, timeoutMs)
  return (error: unknown, result: unknown) => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    callback(error, result)
  }
}
