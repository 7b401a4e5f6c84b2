import Task from '#models/task'
import Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { recordChanges, type ChangeContext, type Recorder } from '#services/change_recorder'

/**
 * Deletes a card (admin). Agents working on it are detached in the same
 * transaction, each with its own event, so the history stays complete.
 */
export async function deleteTask(context: ChangeContext, id: string) {
  await recordChanges(context, async (trx, recorder) => {
    const task = await Task.query({ client: trx }).where('id', id).forUpdate().first()
    if (!task) throw ApiException.notFound('Task')
    await removeTask(recorder, task)
  })
}

/**
 * Removes a locked card within a change: its agents detached (each with its
 * own event), then the card, with `task.deleted` (`payload` is added to it).
 */
export async function removeTask(
  recorder: Recorder,
  task: Task,
  payload: Record<string, unknown> = {}
) {
  const trx = recorder.trx
  const agents = await Agent.query({ client: trx }).where('current_task_id', task.id).forUpdate()
  for (const agent of agents) {
    const before = agent.serialize()
    agent.currentTaskId = null
    await agent.useTransaction(trx).save()
    await recorder.record({
      action: 'agent.updated',
      resourceType: 'agents',
      resourceId: agent.id,
      agentId: agent.id,
      before,
      after: agent.serialize(),
      payload: { reason: 'task deleted' },
      snapshot: true,
    })
  }

  const before = task.serialize()
  await task.useTransaction(trx).delete()
  await recorder.record({
    action: 'task.deleted',
    resourceType: 'tasks',
    resourceId: task.id,
    taskId: task.id,
    before,
    after: null,
    payload: { ...payload, deleted: true },
  })
}
