import type { HttpContext } from '@adonisjs/core/http'
import AuditLog from '#models/audit_log'
import AuditPolicy from '#policies/audit_policy'
import { ApiException } from '#exceptions/api_exception'
import { runList, type ListSpec } from '#services/list_query'
import { ACTOR_TYPES } from '#enums/actor_type'

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
}
