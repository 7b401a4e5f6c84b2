import TaskEvent from '#models/task_event'
import { ActorType } from '#enums/actor_type'
import { ApiException } from '#exceptions/api_exception'
import { recordChanges, type ChangeContext } from '#services/change_recorder'

export interface NewEvent {
  event_type: string
  task_id?: string | null
  payload?: Record<string, unknown>
}

const RESOURCE_OF_ACTOR: Record<ActorType, string> = {
  [ActorType.User]: 'users',
  [ActorType.Agent]: 'agents',
  [ActorType.System]: 'system',
}

/**
 * A progress event (`lead.enriched`), written like every other change: one
 * task_events row and one audit_log row, then broadcast. Its audited
 * resource is the task it names, or else the one who posted it: the event
 * row does not exist yet when the audit row is written.
 */
export async function emitEvent(context: ChangeContext, data: NewEvent) {
  const taskId = data.task_id ?? null
  const seq = await recordChanges(context, async (trx, recorder) => {
    if (taskId) {
      /* FOR SHARE: the task cannot be deleted under the event being written */
      const task = await trx.from('tasks').where('id', taskId).forShare().first()
      if (!task) {
        throw new ApiException(422, 'No task has this id', {
          field: 'task_id',
          rule: 'exists',
          code: 'E_VALIDATION_ERROR',
        })
      }
    }
    const recorded = await recorder.record({
      action: data.event_type,
      resourceType: taskId ? 'tasks' : RESOURCE_OF_ACTOR[context.actor.type],
      resourceId: taskId ?? context.actor.id ?? 'system',
      taskId,
      payload: data.payload ?? {},
      /* a progress report, not a new or removed record */
      kind: 'updated',
    })
    return recorded.seq
  })
  return TaskEvent.findOrFail(seq)
}
