import { DateTime } from 'luxon'
import Task from '#models/task'
import { TaskColumn } from '#enums/task'
import type { Recorder } from '#services/change_recorder'

/**
 * Moves the cards linked to a record (a draft, say) as a consequence of a
 * change to that record, inside the caller's transaction, each with its own
 * `task.moved` event. Cards already in the target column are left alone,
 * and so are finished ones unless the target is `done`: a follow-up never
 * reopens work someone closed.
 */
export async function moveLinkedTasks(
  recorder: Recorder,
  link: { linked_draft_id?: string; linked_lead_id?: string },
  to: TaskColumn,
  cause: string
) {
  const query = Task.query({ client: recorder.trx }).forUpdate()
  if (link.linked_draft_id) query.where('linked_draft_id', link.linked_draft_id)
  else if (link.linked_lead_id) query.where('linked_lead_id', link.linked_lead_id)
  else return []

  const moved: Task[] = []
  for (const task of await query) {
    const from = task.column
    if (from === to || from === TaskColumn.Done) continue
    const before = task.serialize()
    task.column = to
    task.doneAt = to === TaskColumn.Done ? DateTime.now() : null
    await task.useTransaction(recorder.trx).save()
    await recorder.record({
      action: 'task.moved',
      resourceType: 'tasks',
      resourceId: task.id,
      taskId: task.id,
      before,
      after: task.serialize(),
      payload: { from, to, cause },
      snapshot: true,
    })
    moved.push(task)
  }
  return moved
}
