import { DateTime } from 'luxon'
import Task from '#models/task'
import { TaskColumn } from '#enums/task'
import type { Recorder } from '#services/change_recorder'
import { taskLinks } from '#plugin_host/task_links'

/**
 * Moves the cards linked to a record (a draft, say) as a consequence of a
 * change to that record, inside the caller's transaction, each with its own
 * `task.moved` event. Cards already in the target column are left alone,
 * and so are finished ones unless the target is `done`: a follow-up never
 * reopens work someone closed.
 */
export async function moveLinkedTasks(
  recorder: Recorder,
  link: { kind: string; id: string },
  to: TaskColumn,
  cause: string
) {
  const declared = taskLinks.get(link.kind)
  if (!declared) return []
  const query = Task.query({ client: recorder.trx }).where(declared.field, link.id).forUpdate()

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
