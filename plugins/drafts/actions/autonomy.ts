import { DateTime } from 'luxon'
import type User from '#models/user'
import Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { SYSTEM, recordChanges, type ChangeContext, type Recorder } from '#services/change_recorder'
import AgentAutonomy from '../models/agent_autonomy.js'
import type Approval from '../models/approval.js'
import { lockAutonomy } from '../services/autonomy.js'

/** The agent's autonomy row, locked, created when missing (a state to change). */
async function lockedState(recorder: Recorder, agentId: string) {
  await lockAutonomy(recorder.trx, agentId, true)
  await recorder.trx.rawQuery(
    'INSERT INTO agent_autonomy (agent_id) VALUES (?) ON CONFLICT (agent_id) DO NOTHING',
    [agentId]
  )
  return AgentAutonomy.query({ client: recorder.trx })
    .where('agent_id', agentId)
    .forUpdate()
    .firstOrFail()
}

/** The agent's state as its events and audit rows show it. */
export function serializeState(state: AgentAutonomy | null, agentId: string) {
  return {
    agent_id: agentId,
    record_since: state?.recordSince?.toUTC().toISO() ?? null,
    demoted_at: state?.demotedAt?.toUTC().toISO() ?? null,
    demoted_by: state?.demotedBy ?? null,
    revoked: state?.revoked ?? false,
    revoked_at: state?.revokedAt?.toUTC().toISO() ?? null,
    revoked_by: state?.revokedBy ?? null,
    revoke_reason: state?.revokeReason ?? null,
  }
}

/**
 * A human correction demoted the agent: its record restarts after that
 * decision, so it earns autonomy again from new decisions only. Recorded
 * by the system (a rule), naming the decision that caused it.
 */
export async function demoteAgent(recorder: Recorder, agentId: string, approval: Approval) {
  const state = await lockedState(recorder, agentId)
  const before = serializeState(state, agentId)
  state.recordSince = approval.decidedAt
  state.demotedAt = approval.decidedAt
  state.demotedBy = {
    approval_id: approval.id,
    draft_id: approval.draftId,
    action: approval.action,
    decided_by: approval.decidedBy,
  }
  await state.useTransaction(recorder.trx).save()
  const rule = recorder.as({ ...SYSTEM, requestId: recorder.context.requestId })
  await rule.record({
    action: 'autonomy.demoted',
    resourceType: 'agent_autonomy',
    resourceId: agentId,
    agentId,
    before,
    after: serializeState(state, agentId),
    payload: { cause: state.demotedBy, record_since: state.recordSince!.toUTC().toISO() },
  })
}

async function findAgent(agentId: string) {
  const agent = await Agent.find(agentId)
  if (!agent) throw ApiException.notFound('Agent')
  return agent
}

/**
 * An admin takes the agent's autonomy away: from now on every draft of its
 * waits for a person, whatever its record, until an admin restores it.
 */
export async function revokeAutonomy(
  context: ChangeContext,
  admin: User,
  agentId: string,
  reason: string | null
) {
  await findAgent(agentId)
  return recordChanges(context, async (_trx, recorder) => {
    const state = await lockedState(recorder, agentId)
    if (state.revoked) {
      throw ApiException.conflict("This agent's autonomy is already revoked", 'E_ALREADY_REVOKED')
    }
    const before = serializeState(state, agentId)
    state.revoked = true
    state.revokedAt = DateTime.now()
    state.revokedBy = admin.id
    state.revokeReason = reason
    await state.useTransaction(recorder.trx).save()
    await recorder.record({
      action: 'autonomy.revoked',
      resourceType: 'agent_autonomy',
      resourceId: agentId,
      agentId,
      before,
      after: serializeState(state, agentId),
      payload: { reason },
    })
    return state
  })
}

/** An admin gives a revoked agent its autonomy back: its record decides again. */
export async function restoreAutonomy(context: ChangeContext, agentId: string) {
  await findAgent(agentId)
  return recordChanges(context, async (_trx, recorder) => {
    const state = await lockedState(recorder, agentId)
    if (!state.revoked) {
      throw ApiException.conflict("This agent's autonomy is not revoked", 'E_NOT_REVOKED')
    }
    const before = serializeState(state, agentId)
    state.revoked = false
    state.revokedAt = null
    state.revokedBy = null
    state.revokeReason = null
    await state.useTransaction(recorder.trx).save()
    await recorder.record({
      action: 'autonomy.restored',
      resourceType: 'agent_autonomy',
      resourceId: agentId,
      agentId,
      before,
      after: serializeState(state, agentId),
    })
    return state
  })
}
