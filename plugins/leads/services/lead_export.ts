/**
 * The leads CSV export: the list's filters, q and sort (the same translator
 * builds the WHERE and ORDER BY), run by PostgreSQL as
 * `COPY (...) TO STDOUT WITH (FORMAT csv, HEADER)` and streamed to the
 * client chunk by chunk, never holding rows in memory. PostgreSQL does the
 * RFC 4180 quoting, the formula-injection guard and the notes rendering.
 */
import type { Readable } from 'node:stream'
import db from '@adonisjs/lucid/services/db'
import { ApiException } from '#exceptions/api_exception'
import type { ExportConnection } from '#services/export_connections'
import {
  assertNoNul,
  formulaGuard as guard,
  inlineBindings,
  isoTime,
  openCopyStream,
  sqlLiteral,
} from '#services/copy_stream'
import { applyFilters, applySort, parseListQuery, type ParsedList } from '#services/list_query'
import { LEAD_LIST, takeSuppressedFilter } from './lead_list.js'
import { suppressedCondition } from './suppression.js'

/* Columns are qualified with the table so that ORDER BY sorts by the stored
   value, not by the guarded output column of the same name. */
const EXPORT_SPEC = { ...LEAD_LIST, table: 'leads' }

/* the host's CSV rules (services/copy_stream.ts): the formula guard, times as the API writes them */
const iso = (column: string) => isoTime(`leads.${column}`)

export { assertNoNul, sqlLiteral }

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
  return inlineBindings(query.toSQL().toNative())
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
 * Starts `COPY (select) TO STDOUT` on an export connection of its own and
 * streams it (the host's openCopyStream: first bytes before the answer
 * starts, the connection released once, a client gone or a stall cuts it,
 * a failure mid-stream aborts the answer).
 */
export function openExportStream(
  select: string,
  connection: ExportConnection,
  options: { stallMs: number; onStall?: () => void }
): Promise<Readable> {
  return openCopyStream(
    `COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER, ENCODING 'UTF8')`,
    connection,
    { ...options, what: 'CSV export' }
  )
}
