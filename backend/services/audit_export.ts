/**
 * The audit log export, for compliance: the audit list's filters, `q` and
 * sort (the list translator builds the WHERE and ORDER BY), run by
 * PostgreSQL as one `COPY (select ...) TO STDOUT` and streamed as it comes
 * (services/copy_stream.ts), never holding rows in memory.
 *
 * - CSV: RFC 4180, UTF-8, a header row; `before_state`, `after_state` and
 *   `metadata` are JSON text cells; text cells (JSON ones too) starting with
 *   =, +, -, @, tab or CR get a leading apostrophe (formula injection).
 * - JSON Lines: one JSON object per line, the entry as GET /api/audit/:id
 *   answers it (states as JSON values). PostgreSQL writes the JSON; the COPY
 *   runs in CSV mode with a quote character JSON never contains raw (control
 *   characters are always escaped in JSON text) and no line breaks, so each
 *   line goes out exactly as PostgreSQL wrote it.
 */
import db from '@adonisjs/lucid/services/db'
import {
  applyFilters,
  applySort,
  parseListQuery,
  type ListSpec,
  type ParsedList,
} from '#services/list_query'
import { formulaGuard, inlineBindings, isoTime } from '#services/copy_stream'

export type AuditExportFormat = 'csv' | 'jsonl'

const column = (name: string) => `audit_log.${name}`

/** The entry's fields, in the order of the API's record. */
const FIELDS = [
  'id',
  'actor_type',
  'actor_id',
  'action',
  'resource_type',
  'resource_id',
  'before_state',
  'after_state',
  'metadata',
  'created_at',
] as const

const CSV_COLUMNS: Record<(typeof FIELDS)[number], string> = {
  id: column('id'),
  actor_type: column('actor_type'),
  actor_id: column('actor_id'),
  action: formulaGuard(column('action')),
  resource_type: formulaGuard(column('resource_type')),
  resource_id: formulaGuard(column('resource_id')),
  before_state: formulaGuard(`${column('before_state')}::text`),
  after_state: formulaGuard(`${column('after_state')}::text`),
  metadata: formulaGuard(`${column('metadata')}::text`),
  created_at: isoTime(column('created_at')),
}

export const AUDIT_CSV_HEADER = FIELDS.join(',')

const JSON_LINE =
  'json_build_object(' +
  FIELDS.map(
    (field) => `'${field}', ${field === 'created_at' ? isoTime(column(field)) : column(field)}`
  ).join(', ') +
  ')::text'

/** The export's SELECT for a parsed query, bindings inlined (COPY takes none). */
export function auditExportSelect(
  parsed: ParsedList,
  spec: ListSpec,
  format: AuditExportFormat
): string {
  const withTable = { ...spec, table: 'audit_log' }
  const select =
    format === 'csv'
      ? FIELDS.map((field) => `${CSV_COLUMNS[field]} AS ${field}`).join(', ')
      : `${JSON_LINE} AS line`
  const query = db.query().from('audit_log').select(db.raw(select))
  applyFilters(query, parsed, withTable)
  applySort(query, parsed, withTable)
  return inlineBindings(query.toSQL().toNative())
}

/** The whole COPY statement for a query string (`_start`/`_end` are ignored: every row goes). */
export function auditExportCopy(
  qs: Record<string, unknown>,
  spec: ListSpec,
  format: AuditExportFormat
): string {
  const { _start: _s, _end: _e, ...query } = qs
  const select = auditExportSelect(parseListQuery(query, spec), spec, format)
  return format === 'csv'
    ? `COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER, ENCODING 'UTF8')`
    : `COPY (${select}) TO STDOUT WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02', ENCODING 'UTF8')`
}

/** `audit-2025-01-31.csv`, in UTC. */
export function auditExportFileName(format: AuditExportFormat, now = new Date()) {
  return `audit-${now.toISOString().slice(0, 10)}.${format}`
}
