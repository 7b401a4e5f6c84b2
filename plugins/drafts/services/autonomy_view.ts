import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { DRAFT_CHANNELS, PolicyMode } from '../enums.js'
import { serializeState } from '../actions/autonomy.js'
import { agentRecord, autonomyState, standings, type PolicyRules } from './autonomy.js'

/**
 * The kinds whose drafts of this agent are approved at submit time now: a
 * kind's own policy decides it, the "any kind" policy the others.
 */
function autoApprovedKinds(policies: { policy: PolicyRules; auto_approves: boolean }[]) {
  const own = new Map(
    policies.filter((p) => p.policy.channel !== null).map((p) => [p.policy.channel, p])
  )
  const anyKind = policies.find((p) => p.policy.channel === null)
  return DRAFT_CHANNELS.filter((channel) => (own.get(channel) ?? anyKind)?.auto_approves === true)
}

/* The rejections the overall record looks back on (a policy's own record uses its M). */
const RECENT_WINDOW = 10

/**
 * GET /api/autonomy/:agent_id: the agent's record (every kind, since its
 * last demotion), its autonomy state, and how it stands against each
 * policy of its type: whether its record qualifies, each threshold, and
 * whether its drafts of that kind are approved at submit time now.
 */
export async function autonomyView(agentId: string) {
  const agent = await Agent.find(agentId)
  if (!agent) throw ApiException.notFound('Agent')
  const client = db.connection()
  const state = await autonomyState(client, agent.id)
  const since = state?.recordSince ?? null
  const record = await agentRecord(client, agent.id, {
    since,
    channel: null,
    recentWindow: RECENT_WINDOW,
    edits: true,
  })
  const revoked = state?.revoked ?? false
  const policies = (await standings(client, agent, since)).map((standing) => ({
    ...standing,
    auto_approves:
      standing.policy.mode === PolicyMode.AutoApprove && standing.qualifies && !revoked,
  }))
  return {
    agent_id: agent.id,
    agent_type: agent.type,
    state: serializeState(state, agent.id),
    record,
    policies,
    auto_approved_kinds: autoApprovedKinds(policies),
  }
}
