import type { HttpContext } from '@adonisjs/core/http'
import Approval from '../models/approval.js'
import DraftPolicy from '../policies/draft_policy.js'
import { APPROVAL_ACTIONS } from '../enums.js'
import { ApiException } from '#exceptions/api_exception'
import { runList, type ListSpec } from '#services/list_query'

export const APPROVAL_LIST: ListSpec = {
  filters: {
    id: 'uuid',
    draft_id: 'uuid',
    action: { enum: APPROVAL_ACTIONS },
    decided_by: 'uuid',
    decided_at: 'datetime',
  },
  sortable: ['action', 'decided_at'],
  search: ['notes'],
  defaultSort: [['decided_at', 'desc']],
}

/**
 * The log of decisions on drafts (GET /api/approvals): read-only. A decision
 * is made by POST /api/drafts/:id/decision (DraftsController.decide).
 */
export default class DecisionLogController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('view')
    return runList(ctx, Approval.query(), APPROVAL_LIST)
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(DraftPolicy).authorize('view')
    const approval = await Approval.find(params.id)
    if (!approval) throw ApiException.notFound('Approval')
    return approval
  }
}
