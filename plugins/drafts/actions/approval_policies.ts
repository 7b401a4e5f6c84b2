import type User from '#models/user'
import pluginHost from '#plugin_host/running'
import { ApiException } from '#exceptions/api_exception'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ApprovalPolicy from '../models/approval_policy.js'
import { DRAFT_CHANNELS, DraftChannel, PolicyMode } from '../enums.js'

/** `any` in a policy's path: every kind its type has no policy of its own for. */
export const ANY_KIND = 'any'

export interface PolicyInput {
  mode: PolicyMode
  min_decided?: number
  min_clean_rate?: number
  no_rejection_in_last?: number
  required_approvals?: number
}

/** The policy's scope from its path: a declared agent type and a kind (or `any`); else 404. */
export function policyScope(agentType: string, channel: string) {
  if (channel !== ANY_KIND && !DRAFT_CHANNELS.includes(channel as DraftChannel)) {
    throw new ApiException(
      404,
      `There is no draft kind "${channel}": use one of ${[...DRAFT_CHANNELS, ANY_KIND].join(', ')}`,
      { code: 'E_NOT_FOUND' }
    )
  }
  return { agentType, channel: channel === ANY_KIND ? null : (channel as DraftChannel) }
}

/** The policy of exactly this scope (not the "any kind" one standing in for it). */
export function scopedPolicy(
  scope: { agentType: string; channel: DraftChannel | null },
  client?: TransactionClientContract
) {
  return ApprovalPolicy.query(client ? { client } : {})
    .where('agent_type', scope.agentType)
    .if(
      scope.channel,
      (q) => q.where('channel', scope.channel!),
      (q) => q.whereNull('channel')
    )
}

/**
 * Sets the policy of an agent type and a kind, whole (PUT): created or
 * replaced; thresholds not sent take their defaults. A kind that needs two
 * admins always asks: the system is never one of them.
 */
export async function putPolicy(
  context: ChangeContext,
  admin: User,
  scope: { agentType: string; channel: DraftChannel | null },
  input: PolicyInput
) {
  if (!pluginHost.agentType(scope.agentType)) {
    throw new ApiException(422, `No enabled plugin declares the agent type "${scope.agentType}"`, {
      field: 'agent_type',
      rule: 'exists',
      code: 'E_VALIDATION_ERROR',
    })
  }
  const requiredApprovals = input.required_approvals ?? 1
  if (input.mode === PolicyMode.AutoApprove && requiredApprovals > 1) {
    throw new ApiException(
      422,
      'A kind that needs two admins cannot be auto-approved: the system would be one of them. Choose always_ask, or one approval',
      { field: 'required_approvals', rule: 'auto_approve_needs_one', code: 'E_VALIDATION_ERROR' }
    )
  }
  return recordChanges(context, async (trx, recorder) => {
    const existing = await scopedPolicy(scope, trx).forUpdate().first()
    const before = existing ? existing.serialize() : null
    const policy = existing ?? new ApprovalPolicy()
    policy.merge({
      agentType: scope.agentType,
      channel: scope.channel,
      mode: input.mode,
      minDecided: input.min_decided ?? 20,
      minCleanRate: input.min_clean_rate ?? 0.9,
      noRejectionInLast: input.no_rejection_in_last ?? 10,
      requiredApprovals,
      updatedBy: admin.id,
    })
    try {
      await policy.useTransaction(trx).save()
    } catch (error) {
      // two admins creating the same policy at once: the second is told, not a 500
      if ((error as { code?: string }).code === '23505') {
        throw ApiException.conflict(
          'Someone created this policy at the same moment: reload and try again',
          'E_CONFLICT'
        )
      }
      throw error
    }
    await recorder.record({
      action: existing ? 'approval_policy.updated' : 'approval_policy.created',
      resourceType: 'approval_policies',
      resourceId: policy.id,
      before,
      after: policy.serialize(),
      payload: {
        agent_type: policy.agentType,
        channel: policy.channel,
        mode: policy.mode,
      },
    })
    return { policy, created: !existing }
  })
}

/** Removes the policy: drafts of that type and kind fall back to "any kind", or always ask. */
export async function deletePolicy(
  context: ChangeContext,
  scope: { agentType: string; channel: DraftChannel | null }
) {
  return recordChanges(context, async (trx, recorder) => {
    const policy = await scopedPolicy(scope, trx).forUpdate().first()
    if (!policy) throw ApiException.notFound('Approval policy')
    const before = policy.serialize()
    await policy.useTransaction(trx).delete()
    await recorder.record({
      action: 'approval_policy.deleted',
      resourceType: 'approval_policies',
      resourceId: policy.id,
      before,
      payload: { agent_type: policy.agentType, channel: policy.channel },
    })
  })
}
