/**
 * Import records (`lead_imports`) as the API shows them, and their
 * rejected rows as CSV.
 */
import db from '@adonisjs/lucid/services/db'
import pg from 'pg'
import { ActorType } from '#enums/actor_type'
import { formulaGuard, guardCell } from '#services/copy_stream'
import { runList, type ListSpec } from '#services/list_query'
import type { HttpContext } from '@adonisjs/core/http'

/** Where an import is: loading rows, checking them, inserting, then done or failed. */
export enum ImportStatus {
  Loading = 'loading',
  Checking = 'checking',
  Inserting = 'inserting',
  Done = 'done',
  Failed = 'failed',
}

export const RUNNING_STATUSES = [
  ImportStatus.Loading,
  ImportStatus.Checking,
  ImportStatus.Inserting,
]

/** Why a row was not imported. */
export const REJECTION_REASONS = [
  'invalid',
  'duplicate',
  'duplicate_in_file',
  'suppressed',
] as const

/* A running import writes its heartbeat every second; this long without one, its server is gone. */
export const STALE_AFTER_SECONDS = 30

export interface LeadImportRecord {
  id: string
  status: ImportStatus
  file_name: string
  headers: string[]
  mapping: Record<string, string | null>
  created_by: { type: ActorType; id: string | null }
  rows: number
  imported: number
  rejected: number
  rejected_by_reason: Record<(typeof REJECTION_REASONS)[number], number>
  bytes_received: number
  bytes_total: number | null
  progress: number
  error: string | null
  rejected_csv: string | null
  rejected_rows_removed_at: string | null
  created_at: string
  updated_at: string
  finished_at: string | null
}

const iso = (value: Date | null) => (value ? value.toISOString() : null)

function serialize(row: any): LeadImportRecord {
  const byReason = Object.fromEntries(
    REJECTION_REASONS.map((reason) => [reason, Number(row.rejected_by_reason?.[reason] ?? 0)])
  ) as LeadImportRecord['rejected_by_reason']
  return {
    id: row.id,
    status: row.status,
    file_name: row.file_name,
    headers: row.headers,
    mapping: row.mapping,
    created_by: { type: row.actor_type, id: row.actor_id },
    rows: row.rows_total,
    imported: row.imported,
    rejected: row.rejected,
    rejected_by_reason: byReason,
    bytes_received: Number(row.bytes_received),
    bytes_total: row.bytes_total === null ? null : Number(row.bytes_total),
    progress: row.progress,
    error: row.error,
    rejected_csv:
      row.status === ImportStatus.Done && row.rejected > 0 && !row.rejected_rows_removed_at
        ? `/api/leads/imports/${row.id}/rejected.csv`
        : null,
    rejected_rows_removed_at: iso(row.rejected_rows_removed_at ?? null),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    finished_at: iso(row.finished_at),
  }
}

/* A running import whose heartbeat stopped: its server stopped mid-way, its transaction with it. */
function markInterrupted(query: any) {
  return query
    .whereIn('status', RUNNING_STATUSES)
    .whereRaw(`heartbeat_at < now() - interval '${STALE_AFTER_SECONDS} seconds'`)
    .update({
      status: ImportStatus.Failed,
      error: 'The import was interrupted (its server stopped): nothing was imported',
      updated_at: db.knexRawQuery('now()'),
      finished_at: db.knexRawQuery('now()'),
    })
}

/** The list of past imports (GET /api/leads/imports). */
export const IMPORT_LIST: ListSpec = {
  filters: {
    id: 'uuid',
    status: { enum: Object.values(ImportStatus) },
    actor_id: 'uuid',
    file_name: 'text',
    created_at: 'datetime',
  },
  sortable: ['created_at', 'file_name', 'status', 'rows_total', 'imported', 'rejected'],
  search: ['file_name'],
  defaultSort: [['created_at', 'desc']],
  tieBreaker: 'id',
}

/**
 * A page of imports, newest first by default: `actorId`'s own, or every
 * one (null: who reads the audit log). Interrupted ones show failed.
 */
export async function listImports(ctx: HttpContext, actorId: string | null) {
  const own = (query: any) => (actorId === null ? query : query.where('actor_id', actorId))
  await markInterrupted(own(db.from('lead_imports')))
  const rows = await runList(ctx, own(db.from('lead_imports')), IMPORT_LIST)
  return rows.map(serialize)
}

/**
 * An import record, or null. A running import whose heartbeat stopped (its
 * server stopped mid-way: its transaction was rolled back with it) is
 * marked failed on the way.
 */
export async function findImport(id: string): Promise<LeadImportRecord | null> {
  await markInterrupted(db.from('lead_imports').where('id', id))
  const row = await db.from('lead_imports').where('id', id).first()
  return row ? serialize(row) : null
}

/** A text cell that a spreadsheet would run as a formula gets a leading `'` (as in the leads export). */
const guard = formulaGuard

/**
 * One CSV line for the header the file had, ending as COPY ends its lines
 * (LF); formula-guarded like the rows (the import reads headers back
 * without the guard).
 */
export function csvLine(cells: string[]) {
  return (
    cells
      .map(guardCell)
      .map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
      .join(',') + '\n'
  )
}

/**
 * The rejected rows' CSV: `row` (its number in the file, the header being
 * row 1, as a spreadsheet numbers it), `reason`, `message`, then the row's
 * cells under the file's own headers. The caller writes that header line
 * (`csvLine`) instead of COPY's: COPY would cut names to 63 bytes.
 */
export function rejectedRowsSql(importId: string, columns: number) {
  const cells = Array.from(
    { length: columns },
    (_, i) => `${guard(`cells[${i + 1}]`)} AS c${i + 1}`
  )
  return (
    `SELECT row_no, reason, message${columns ? `, ${cells.join(', ')}` : ''} FROM lead_import_rejections ` +
    `WHERE import_id = ${pg.escapeLiteral(importId)} ORDER BY row_no`
  )
}

/**
 * Removes the rejected rows of the imports that finished more than `days`
 * days ago (LEAD_IMPORT_REJECTED_ROWS_DAYS; 0 keeps them). Each import is
 * stamped first (`rejected_rows_removed_at`: its download answers 410 from
 * then on), then its rows are deleted `batchRows` at a time, so that no
 * statement runs long (a million refused rows would pass the statement
 * timeout in one DELETE). An import stamped by a sweep that stopped half
 * way is finished by the next. Several instances may sweep at once: they
 * delete the same pages, and one stamp wins. Answers how many imports lost
 * their rows.
 */
export async function removeExpiredRejections(days: number, batchRows = 10_000): Promise<number> {
  if (days <= 0) return 0
  const { rows: due } = await db.rawQuery(
    `SELECT id FROM lead_imports
     WHERE status = 'done' AND rejected > 0 AND rejected_rows_removed_at IS NULL
       AND finished_at < now() - make_interval(days => ?)
     UNION
     SELECT i.id FROM lead_imports i
     WHERE i.rejected_rows_removed_at IS NOT NULL
       AND EXISTS (SELECT 1 FROM lead_import_rejections r WHERE r.import_id = i.id)`,
    [days]
  )
  let removed = 0
  for (const { id } of due as { id: string }[]) {
    const stamped = await db
      .from('lead_imports')
      .where('id', id)
      .whereNull('rejected_rows_removed_at')
      .update({ rejected_rows_removed_at: db.knexRawQuery('now()') })
    if (Number(stamped) > 0) removed++
    for (;;) {
      const result = await db.rawQuery(
        `DELETE FROM lead_import_rejections WHERE import_id = ? AND row_no IN (
           SELECT row_no FROM lead_import_rejections WHERE import_id = ? ORDER BY row_no LIMIT ?)`,
        [id, id, batchRows]
      )
      if ((result.rowCount ?? 0) < batchRows) break
    }
  }
  return removed
}
