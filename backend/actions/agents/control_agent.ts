import Agent from '#models/agent'
import { AgentStatus } from '#enums/agent_status'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, type ChangeContext } from '#services/change_recorder'

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
