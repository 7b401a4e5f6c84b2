import type { HttpContext } from '@adonisjs/core/http'
import Approval from '../models/approval.js'
import DraftPolicy from '../policies/draft_policy.js'
import { APPROVAL_ACTIONS } from '../enums.js'
import { ApiException } from '#exceptions/api_exception'
import { runList, type ListSpec } from '#services/list_query'
import Agent from '#models/agent'
import type { Actor } from '#policies/actor'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

/** Agents read the decisions on the drafts they wrote, and no others: notes are meant for the author. */
function visibleTo(actor: Actor, query: ModelQueryBuilderContract<typeof Approval>) {
  if (actor instanceof Agent) {
    query.whereIn('draft_id', (drafts) =>
      drafts.from('drafts').select('id').where('created_by', actor.id)
    )
  }
  return query
}

export const APPROVAL_LIST: ListSpec = {
  filters: {
    id: 'uuid',
    draft_id: 'uuid',
    action: { enum: APPROVAL_ACTIONS },
    decided_by: 'uuid',
    decided_at: 'datetime',
    /** true: the approvals of approval policies (no admin), false: people's decisions */
    auto: 'boolean',
  },
  sortable: ['action', 'decided_at'],
  search: ['notes'],
  defaultSort: [['decided_at', 'desc']],
}

/**
 * The log of decisions on drafts (GET /api/approvals): read-only; an agent
 * sees the decisions on its own drafts only. A decision
 * is made by POST /api/drafts/:id/decision (DraftsController.decide).
 */
export default class DecisionLogController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('view')
    return runList(ctx, visibleTo(ctx.auth.user!, Approval.query()), APPROVAL_LIST)
  }

  async show({ auth, bouncer, params }: HttpContext) {
    await bouncer.with(DraftPolicy).authorize('view')
    const approval = await visibleTo(auth.user!, Approval.query()).where('id', params.id).first()
    if (!approval) throw ApiException.notFound('Approval')
    return approval
  }
}
