import type { HttpContext } from '@adonisjs/core/http'
import Approval from '../models/approval.js'
import DraftPolicy from '../policies/draft_policy.js'
import { APPROVAL_ACTIONS } from '../enums.js'
import { ApiError } from '#exceptions/api_error'
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

/** Decisions are written by POST /api/drafts/:id/decision only; this is read-only. */
export default class ApprovalsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('view')
    return runList(ctx, Approval.query(), APPROVAL_LIST)
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(DraftPolicy).authorize('view')
    const approval = await Approval.find(params.id)
    if (!approval) throw ApiError.notFound('Approval')
    return approval
  }
}
