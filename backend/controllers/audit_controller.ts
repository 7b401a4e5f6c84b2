import type { HttpContext } from '@adonisjs/core/http'
import AuditLog from '#models/audit_log'
import AuditPolicy from '#policies/audit_policy'
import { ApiException } from '#exceptions/api_exception'
import { runList, type ListSpec } from '#services/list_query'
import { ACTOR_TYPES } from '#enums/actor_type'
import { exportSettings, openExportConnection } from '#services/export_connections'
import { assertNoNul, openCopyStream } from '#services/copy_stream'
import {
  auditExportCopy,
  auditExportFileName,
  type AuditExportFormat,
} from '#services/audit_export'

export const AUDIT_LIST: ListSpec = {
  filters: {
    id: 'integer',
    actor_type: { enum: ACTOR_TYPES },
    actor_id: 'uuid',
    action: 'text',
    resource_type: 'text',
    resource_id: 'text',
    created_at: 'datetime',
  },
  sortable: ['id', 'created_at', 'action', 'actor_type', 'resource_type'],
  search: ['action', 'resource_type', 'resource_id'],
  defaultSort: [['id', 'desc']],
}

/**
 * Read-only by design: there is no route that writes, and the database
 * refuses UPDATE, DELETE and TRUNCATE on audit_log whoever asks.
 */
export default class AuditController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(AuditPolicy).authorize('view')
    return runList(ctx, AuditLog.query(), AUDIT_LIST)
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    const entry = Number.isSafeInteger(params.id) ? await AuditLog.find(params.id) : null
    if (!entry) throw ApiException.notFound('Audit entry')
    return entry
  }

  /**
   * GET /api/audit/export.csv and /api/audit/export.jsonl: every entry the
   * list would show (its filters, q and sort; no paging), streamed by a COPY
   * on an export connection of its own. Same caps as every export
   * (EXPORT_MAX_PER_USER, EXPORT_MAX_CONCURRENT: 429 beyond) and cut after
   * EXPORT_STALL_SECONDS without progress.
   */
  async exportCsv(ctx: HttpContext) {
    return streamAuditExport(ctx, 'csv')
  }

  async exportJsonl(ctx: HttpContext) {
    return streamAuditExport(ctx, 'jsonl')
  }
}

const CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
}

async function streamAuditExport(ctx: HttpContext, format: AuditExportFormat) {
  await ctx.bouncer.with(AuditPolicy).authorize('view')
  const qs = ctx.request.qs()
  assertNoNul(qs)
  // validated (422) before a connection or a slot is taken
  const copy = auditExportCopy(qs, AUDIT_LIST, format)
  const connection = await openExportConnection(String(ctx.auth.user!.id))
  const stallMs = exportSettings.stallMs
  const stream = await openCopyStream(copy, connection, {
    stallMs,
    what: 'audit export',
    onStall: () =>
      ctx.logger.info(
        { requestId: ctx.request.id() },
        `audit export cut: no progress for ${stallMs / 1000} s (the client stopped reading)`
      ),
  })
  ctx.response.header('content-type', CONTENT_TYPES[format])
  ctx.response.header(
    'content-disposition',
    `attachment; filename="${auditExportFileName(format)}"`
  )
  ctx.response.header('cache-control', 'no-store')
  ctx.response.stream(stream)
}
