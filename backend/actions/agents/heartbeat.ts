import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import { AgentStatus } from '#enums/agent_status'
import { ApiException } from '#exceptions/api_exception'
import { getGlobalPause } from '#services/controls'
import { recordChange, type ChangeContext } from '#services/change_recorder'

export interface Heartbeat {
  status: 'idle' | 'running'
  current_task_id?: string | null
  message?: string
}

/**
 * An agent says it is alive. Allowed while paused (that is how a paused
 * agent learns it may resume): a paused or killed agent, or any agent
 * during the global pause, only refreshes `last_update_at`. A heartbeat that changes nothing but the time is not
 * an event (agents beat every few seconds and the history would drown);
 * a new status, task or message is recorded as `agent.heartbeat`.
 */
export async function heartbeat(context: ChangeContext, agent: Agent, beat: Heartbeat) {
  // paused, killed or globally paused: the beat only says "alive", nothing is recorded
  const held =
    agent.status === AgentStatus.Paused ||
    agent.status === AgentStatus.Blocked ||
    (await getGlobalPause()).paused
  const status = held ? agent.status : (beat.status as AgentStatus)
  const currentTaskId =
    held || beat.current_task_id === undefined ? agent.currentTaskId : beat.current_task_id

  if (currentTaskId && currentTaskId !== agent.currentTaskId) {
    const task = await db.from('tasks').where('id', currentTaskId).first()
    if (!task) {
      throw new ApiException(422, 'No task has this id', {
        field: 'current_task_id',
        rule: 'exists',
        code: 'E_VALIDATION_ERROR',
      })
    }
  }

  const changed =
    !held && (status !== agent.status || currentTaskId !== agent.currentTaskId || !!beat.message)
  if (!changed) {
    await Agent.query().where('id', agent.id).update({ last_update_at: DateTime.now().toSQL() })
    return Agent.findOrFail(agent.id)
  }

  return recordChange(
    context,
    async (trx) => {
      const row = await Agent.query({ client: trx }).where('id', agent.id).forUpdate().firstOrFail()
      const before = row.serialize()
      row.status =
        row.status === AgentStatus.Paused || row.status === AgentStatus.Blocked
          ? row.status
          : status
      row.currentTaskId = currentTaskId
      row.lastUpdateAt = DateTime.now()
      await row.useTransaction(trx).save()
      return { row, before }
    },
    {
      action: 'agent.heartbeat',
      resourceType: 'agents',
      resourceId: agent.id,
      agentId: agent.id,
      taskId: currentTaskId,
      before: ({ before }) => before,
      after: ({ row }) => row.serialize(),
      payload: { status, current_task_id: currentTaskId, message: beat.message ?? null },
      snapshot: true,
    }
  ).then(({ row }) => row)
}
