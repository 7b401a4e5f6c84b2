import type { HttpContext } from '@adonisjs/core/http'
import ApprovalPolicy from '../models/approval_policy.js'
import AutonomyPolicy from '../policies/autonomy_policy.js'
import { DRAFT_CHANNELS, POLICY_MODES } from '../enums.js'
import { putPolicyValidator } from '../validators/autonomy.js'
import { deletePolicy, policyScope, putPolicy, scopedPolicy } from '../actions/approval_policies.js'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext } from '#services/change_recorder'
import { runList, type ListSpec } from '#services/list_query'
import type User from '#models/user'

export const POLICY_LIST: ListSpec = {
  filters: {
    id: 'uuid',
    agent_type: 'text',
    channel: { enum: DRAFT_CHANNELS },
    mode: { enum: POLICY_MODES },
    required_approvals: 'integer',
    updated_at: 'datetime',
  },
  sortable: ['agent_type', 'channel', 'mode', 'updated_at'],
  search: ['agent_type'],
  defaultSort: [
    ['agent_type', 'asc'],
    ['channel', 'asc'],
  ],
}

/**
 * Approval policies, addressed by their scope: an agent type and a draft
 * kind, `any` for every kind without a policy of its own
 * (`/api/approval-policies/copywriter/email`). Everyone who reads drafts
 * reads them; admins set and remove them.
 */
export default class ApprovalPoliciesController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(AutonomyPolicy).authorize('view')
    return runList(ctx, ApprovalPolicy.query(), POLICY_LIST)
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(AutonomyPolicy).authorize('view')
    const policy = await scopedPolicy(policyScope(params.agent_type, params.channel)).first()
    if (!policy) throw ApiException.notFound('Approval policy')
    return policy
  }

  /** PUT: the whole policy; 201 when it did not exist, else 200. */
  async update(ctx: HttpContext) {
    await ctx.bouncer.with(AutonomyPolicy).authorize('manage')
    const scope = policyScope(ctx.params.agent_type, ctx.params.channel)
    const input = await ctx.request.validateUsing(putPolicyValidator)
    const { policy, created } = await putPolicy(
      actorFromContext(ctx),
      ctx.auth.user as User,
      scope,
      input
    )
    return ctx.response.status(created ? 201 : 200).send(policy)
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(AutonomyPolicy).authorize('manage')
    await deletePolicy(
      actorFromContext(ctx),
      policyScope(ctx.params.agent_type, ctx.params.channel)
    )
    return ctx.response.noContent()
  }
}
