/**
 * The leads CSV export: the list's filters, q and sort (the same translator
 * builds the WHERE and ORDER BY), run by PostgreSQL as
 * `COPY (...) TO STDOUT WITH (FORMAT csv, HEADER)` and streamed to the
 * client chunk by chunk, never holding rows in memory. PostgreSQL does the
 * RFC 4180 quoting, the formula-injection guard and the notes rendering.
 */
import { Readable } from 'node:stream'
import pg from 'pg'
import copyStreams from 'pg-copy-streams'
import db from '@adonisjs/lucid/services/db'
import type { ExportConnection } from '#services/export_connections'
import { DatabaseTimeoutError } from '#services/database_errors'
import { ApiException } from '#exceptions/api_exception'
import { applyFilters, applySort, parseListQuery, type ParsedList } from '#services/list_query'
import { LEAD_LIST, takeSuppressedFilter } from './lead_list.js'
import { suppressedCondition } from './suppression.js'

/* Columns are qualified with the table so that ORDER BY sorts by the stored
   value, not by the guarded output column of the same name. */
const EXPORT_SPEC = { ...LEAD_LIST, table: 'leads' }

/**
 * A text cell starting with =, +, -, @, tab or CR is read as a formula by
 * spreadsheets: prefix it with an apostrophe (OWASP's CSV injection advice).
 */
const guard = (expression: string) =>
  // ascii() of the first character: = + - @ tab CR (cheaper than left(); NULL stays NULL)
  `CASE WHEN ascii(${expression}) IN (61, 43, 45, 64, 9, 13) ` +
  `THEN '''' || ${expression} ELSE ${expression} END`

const iso = (column: string) =>
  `to_char(leads.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/* One bullet per line: readable in a spreadsheet cell, and the leading "•"
   means the cell never needs the guard. An ARRAY() of the elements (in array
   order) costs 2 s per million rows where string_agg over
   jsonb_array_elements WITH ORDINALITY costs 5 s. */
const NOTES =
  `CASE WHEN leads.notes = '[]' THEN NULL ELSE '• ' || array_to_string(` +
  `ARRAY(SELECT jsonb_array_elements_text(leads.notes)), chr(10) || '• ') END`

/** The CSV columns, in the order of the API's lead record. */
export const EXPORT_COLUMNS: [name: string, sql: string][] = [
  ['id', 'leads.id'],
  ['business_name', guard('leads.business_name')],
  ['niche', guard('leads.niche')],
  ['region', guard('leads.region')],
  ['website', guard('leads.website')],
  ['contact_name', guard('leads.contact_name')],
  ['contact_role', guard('leads.contact_role')],
  ['email', guard('leads.email')],
  ['phone', guard('leads.phone')],
  ['source', guard('leads.source')],
  ['lead_score', 'leads.lead_score'],
  ['status', 'leads.status'],
  ['last_action_at', iso('last_action_at')],
  ['next_step', guard('leads.next_step')],
  ['notes', NOTES],
  ['created_at', iso('created_at')],
  ['updated_at', iso('updated_at')],
]

/**
 * A bound value as an SQL literal. COPY takes no bind parameters, so the
 * translator's bindings are inlined, escaped by the driver (escapeLiteral
 * doubles quotes and backslashes). Values are strings, numbers or booleans
 * from the translator, already checked against the field's type.
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

/**
 * The export's SELECT with its bindings inlined, ready for COPY (or psql
 * \copy: the SQL is one line unless a filter value holds a line break).
 */
export function exportSql(parsed: ParsedList, suppressed: boolean | null = null): string {
  const query = db
    .query()
    .from('leads')
    .select(db.raw(EXPORT_COLUMNS.map(([name, sql]) => `${sql} AS ${name}`).join(', ')))
  applyFilters(query, parsed, EXPORT_SPEC)
  if (suppressed !== null) query.whereRaw(suppressedCondition(suppressed))
  applySort(query, parsed, EXPORT_SPEC)
  const { sql, bindings } = query.toSQL().toNative()
  // One pass over the generated SQL: inlined values are never rescanned.
  return sql.replace(/\$(\d+)/g, (_, index) => sqlLiteral(bindings[Number(index) - 1]))
}

/**
 * The export's SQL for a query string (without `_start`/`_end`): the list's
 * filters, `q` and sort, and the do-not-contact rule. Suppressed leads are
 * left out unless `include_suppressed=true`, or `suppressed=true` asks for
 * them only (a NOT EXISTS over the few suppressed leads, found through the
 * indexes: the export stays at COPY speed).
 */
export function exportQuery(qs: Record<string, unknown>): string {
  const { include_suppressed: include, ...rest } = qs
  const { query, suppressed } = takeSuppressedFilter(rest)
  const parsed = parseListQuery(query, LEAD_LIST)
  return exportSql(parsed, suppressed ?? (includeSuppressed(include) ? null : false))
}

function includeSuppressed(raw: unknown) {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined && v !== '')
  if (values.length === 0) return false
  const last = values[values.length - 1]
  if (typeof last !== 'string' || !['true', 'false', '1', '0'].includes(last)) {
    throw new ApiException(422, 'include_suppressed must be true or false', {
      field: 'include_suppressed',
      code: 'E_INVALID_QUERY',
    })
  }
  return last === 'true' || last === '1'
}

/** `leads-2025-01-31.csv`, in UTC. */
export function exportFileName(now = new Date()) {
  return `leads-${now.toISOString().slice(0, 10)}.csv`
}

/**
 * Starts `COPY (select) TO STDOUT` on an export connection of its own
 * (services/export_connections.ts, never the requests' pool) and resolves
 * once PostgreSQL sent the first bytes (so an error before any data is
 * still a normal JSON error answer). The returned stream ends with the last
 * row; destroying it (client gone) closes the connection, which stops the
 * COPY on the server. An error mid-stream errors the stream, so the HTTP
 * answer is aborted instead of looking complete.
 *
 * `stallMs`: an export that makes no progress for that long (its client
 * reads nothing, so the rows wait on backpressure; or PostgreSQL sends
 * nothing) is cut: the stream errors (the answer is aborted) and the
 * connection is closed. Progress is a chunk handed on (PostgreSQL sends
 * ~64 kB at a time), checked by a timer: nothing is done per row.
 * The connection is released in every case, exactly once.
 */
export async function openExportStream(
  select: string,
  connection: ExportConnection,
  options: { stallMs: number; onStall?: () => void }
): Promise<Readable> {
  let completed = false
  const release = (broken: boolean) => connection.release(broken)
  let copy: ReturnType<typeof copyStreams.to>
  try {
    copy = connection.client.query(
      copyStreams.to(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER, ENCODING 'UTF8')`)
    )
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
          () => reject(new DatabaseTimeoutError(options.stallMs, 'CSV export')),
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
