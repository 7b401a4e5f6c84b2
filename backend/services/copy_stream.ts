/**
 * Streams a `COPY (...) TO STDOUT` from an export connection of its own
 * (services/export_connections.ts) as an HTTP body, for every export (the
 * audit log here, the leads plugin's CSV):
 * - it resolves once PostgreSQL sent the first bytes, so an error before any
 *   data is still a normal JSON error answer;
 * - destroying the stream (the client went away) closes the connection,
 *   which stops the COPY on the server;
 * - an error mid-stream errors the stream: the HTTP answer is aborted
 *   instead of ending like a complete file;
 * - `stallMs` without progress (the client reads nothing, or the database
 *   sends nothing) cuts the export the same way. Progress is a chunk handed
 *   on (~64 kB), checked by a timer: nothing is done per row.
 * The connection is released in every case, exactly once.
 */
import { Readable } from 'node:stream'
import pg from 'pg'
import copyStreams from 'pg-copy-streams'
import type { ExportConnection } from '#services/export_connections'
import { DatabaseTimeoutError } from '#services/database_errors'
import { ApiException } from '#exceptions/api_exception'

/**
 * A bound value as an SQL literal. COPY takes no bind parameters, so the
 * list translator's bindings are inlined, escaped by the driver
 * (escapeLiteral doubles quotes and backslashes). Values come from the
 * translator, already checked against the field's type.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('cannot inline a non-finite number')
    return String(value)
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString())
  return pg.escapeLiteral(String(value))
}

/** A knex query's native SQL with its bindings inlined (one pass: inlined values are never rescanned). */
export function inlineBindings(native: { sql: string; bindings: readonly unknown[] }) {
  return native.sql.replace(/\$(\d+)/g, (_, index) =>
    sqlLiteral(native.bindings[Number(index) - 1])
  )
}

/** NUL cannot travel in an SQL literal (nor a bind parameter): refuse it up front. */
export function assertNoNul(qs: Record<string, unknown>) {
  for (const [key, raw] of Object.entries(qs)) {
    const values = Array.isArray(raw) ? raw : [raw]
    if (values.some((value) => typeof value === 'string' && value.includes('\u0000'))) {
      throw new ApiException(422, `${key} must not contain a NUL character`, {
        field: key,
        code: 'E_INVALID_QUERY',
      })
    }
  }
}

/* The first characters that make a spreadsheet read a cell as a formula: = + - @ tab CR. */
export const FORMULA_STARTS: readonly number[] = [61, 43, 45, 64, 9, 13]

/**
 * A text cell starting with =, +, -, @, tab or CR is read as a formula by
 * spreadsheets: prefix it with an apostrophe (OWASP's CSV injection advice).
 * ascii() of the first character is cheaper than left(); NULL stays NULL.
 */
export const formulaGuard = (expression: string) =>
  `CASE WHEN ascii(${expression}) IN (${FORMULA_STARTS.join(', ')}) ` +
  `THEN '''' || ${expression} ELSE ${expression} END`

/** Undoes formulaGuard: `'=...` (and the rest) read back without the apostrophe; for importing an export. */
export const formulaUnguard = (expression: string) =>
  `CASE WHEN ascii(${expression}) = 39 AND ascii(substr(${expression}, 2, 1)) IN (${FORMULA_STARTS.join(', ')}) ` +
  `THEN substr(${expression}, 2) ELSE ${expression} END`

/** formulaGuard in JavaScript, for one cell (a header line written by hand). */
export const guardCell = (value: string) =>
  FORMULA_STARTS.includes(value.charCodeAt(0)) ? `'${value}` : value

/** formulaUnguard in JavaScript, for one cell. */
export const unguardCell = (value: string) =>
  value.charCodeAt(0) === 39 && FORMULA_STARTS.includes(value.charCodeAt(1))
    ? value.slice(1)
    : value

/** A timestamptz as the API writes times: ISO 8601 UTC to the millisecond. */
export const isoTime = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

export async function openCopyStream(
  copySql: string,
  connection: ExportConnection,
  options: { stallMs: number; what: string; onStall?: () => void }
): Promise<Readable> {
  let completed = false
  const release = (broken: boolean) => connection.release(broken)
  let copy: ReturnType<typeof copyStreams.to>
  try {
    copy = connection.client.query(copyStreams.to(copySql))
  } catch (error) {
    release(true)
    throw error
  }
  // pg reports a broken connection to the active query; never let it go unhandled.
  copy.on('error', () => release(!completed))
  copy.once('end', () => {
    completed = true
    release(false)
  })
  copy.once('close', () => release(!completed))

  const chunks = copy[Symbol.asyncIterator]()
  let first: IteratorResult<Buffer>
  let waiting: NodeJS.Timeout | undefined
  try {
    // the first rows are bounded like the rest: a database that says nothing is an unavailable one
    first = await Promise.race([
      chunks.next(),
      new Promise<never>((_, reject) => {
        waiting = setTimeout(
          () => reject(new DatabaseTimeoutError(options.stallMs, options.what)),
          options.stallMs
        )
      }),
    ])
  } catch (error) {
    release(true)
    void chunks.return?.()
    throw error
  } finally {
    clearTimeout(waiting)
  }

  let progress = 0
  async function* body() {
    if (!first.done) yield first.value
    for (;;) {
      const next = await chunks.next()
      if (next.done) return
      progress++
      yield next.value
    }
  }
  const stream = Readable.from(body(), { objectMode: false })

  let seen = -1
  let lastProgressAt = Date.now()
  const watchdog = setInterval(
    () => {
      if (progress !== seen) {
        seen = progress
        lastProgressAt = Date.now()
      } else if (Date.now() - lastProgressAt >= options.stallMs) {
        clearInterval(watchdog)
        options.onStall?.()
        release(true)
        stream.destroy(new Error(`the export made no progress for ${options.stallMs} ms`))
      }
    },
    Math.max(100, Math.floor(options.stallMs / 8))
  )
  watchdog.unref()

  // The client went away (or the watchdog cut it): stop reading, which destroys the COPY stream.
  stream.once('close', () => {
    clearInterval(watchdog)
    if (!completed) {
      release(true)
      void chunks.return?.()
    }
  })
  return stream
}
