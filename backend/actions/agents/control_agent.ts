import Agent from '#models/agent'
import { AgentStatus } from '#enums/agent_status'
import { ApiException } from '#exceptions/api_exception'
import {
  recordChange,
  recordChanges,
  SYSTEM,
  type ChangeContext,
  type Recorder,
} from '#services/change_recorder'

export type ControlAction = 'pause' | 'resume' | 'kill'

const TARGET: Record<ControlAction, AgentStatus> = {
  pause: AgentStatus.Paused,
  resume: AgentStatus.Idle,
  kill: AgentStatus.Blocked,
}

/**
 * Pause, resume or kill one agent (admin). Kill blocks the agent and frees
 * its current task; resume brings a paused or killed agent back to idle.
 * The realtime layer turns the recorded event into a control message on
 * `agents/<id>`.
 */
export async function controlAgent(
  context: ChangeContext,
  id: string,
  action: ControlAction,
  reason: string | null
) {
  return recordChange(
    context,
    async (trx) => {
      const agent = await Agent.query({ client: trx }).where('id', id).forUpdate().first()
      if (!agent) throw ApiException.notFound('Agent')
      const before = agent.serialize()
      if (
        action === 'resume' &&
        agent.status !== AgentStatus.Paused &&
        agent.status !== AgentStatus.Blocked
      ) {
        throw ApiException.conflict(
          `The agent is ${agent.status}, not paused or killed`,
          'E_INVALID_STATE'
        )
      }
      if (action === 'pause' && agent.status === AgentStatus.Blocked) {
        throw ApiException.conflict('The agent was killed; resume it first', 'E_INVALID_STATE')
      }
      agent.status = TARGET[action]
      agent.pauseReason =
        action === 'resume' || !reason
          ? null
          : `This agent ${action === 'pause' ? 'is paused' : 'was killed'} by an admin (${reason})`
      if (action === 'kill') agent.currentTaskId = null
      await agent.useTransaction(trx).save()
      return { agent, before }
    },
    {
      action: `agent.${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'killed'}`,
      resourceType: 'agents',
      resourceId: id,
      agentId: id,
      before: ({ before }) => before,
      after: ({ agent }) => agent.serialize(),
      payload: { reason },
      snapshot: true,
    }
  ).then(({ agent }) => agent)
}

/**
 * A rule (a budget) pauses an agent: the same pause an admin makes, by the
 * system actor, with the rule's reason (what the agent is told on every
 * refused write) and the rule in the event. An agent already paused or
 * killed is left as it is: null.
 */
export async function pauseByRule(id: string, reason: string, rule: Record<string, unknown>) {
  return recordChanges(SYSTEM, (_trx, recorder) => pauseByRuleIn(recorder, id, reason, rule), {
    allowNoChange: true,
  })
}

/**
 * The same pause inside a change already in progress (usage that reaches a
 * budget): recorded as the system, committed with that change or not at all.
 */
export async function pauseByRuleIn(
  recorder: Recorder,
  id: string,
  reason: string,
  rule: Record<string, unknown>
) {
  const trx = recorder.trx
  const system = recorder.as({ ...SYSTEM, requestId: recorder.context.requestId })
  const agent = await Agent.query({ client: trx }).where('id', id).forUpdate().first()
  if (!agent) return null
  if (agent.status === AgentStatus.Paused || agent.status === AgentStatus.Blocked) return null
  const before = agent.serialize()
  agent.status = AgentStatus.Paused
  agent.pauseReason = reason
  await agent.useTransaction(trx).save()
  await system.record({
    action: 'agent.paused',
    resourceType: 'agents',
    resourceId: id,
    agentId: id,
    before,
    after: agent.serialize(),
    payload: { reason, rule },
    snapshot: true,
  })
  return agent
}
