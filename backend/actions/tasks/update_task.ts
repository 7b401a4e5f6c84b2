import { DateTime } from 'luxon'
import Task from '#models/task'
import { TASK_TRANSITIONS, TaskColumn } from '#enums/task'
import { ApiError } from '#exceptions/api_error'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import { assertOwnerExists } from '#actions/tasks/task_references'
import type { NewTask } from '#actions/tasks/create_task'

export type TaskChanges = Partial<NewTask>

/**
 * Edits a card and/or moves it between columns. The row is locked, so two
 * moves of the same card are applied one after the other and each sees the
 * column the other left. `authorizeMove` runs against that locked column.
 */
export async function updateTask(
  context: ChangeContext,
  id: string,
  changes: TaskChanges,
  authorizeMove: (from: TaskColumn, to: TaskColumn) => Promise<void>
) {
  return recordChange(
    context,
    async (trx) => {
      const task = await Task.query({ client: trx }).where('id', id).forUpdate().first()
      if (!task) throw ApiError.notFound('Task')
      const before = task.serialize()
      const from = task.column
      const to = changes.column ?? from

      if (to !== from) {
        await authorizeMove(from, to)
        if (!TASK_TRANSITIONS[from].includes(to)) {
          throw ApiError.conflict(
            `A task cannot move from ${from} to ${to}; from ${from} it can go to ${TASK_TRANSITIONS[from].join(', ')}`,
            'E_INVALID_TRANSITION'
          )
        }
        task.column = to
        task.doneAt = to === TaskColumn.Done ? DateTime.now() : null
      }

      if (changes.title !== undefined) task.title = changes.title
      if (changes.description !== undefined) task.description = changes.description
      if (changes.priority !== undefined) task.priority = changes.priority
      if (changes.owner_type !== undefined) task.ownerType = changes.owner_type
      if (changes.owner_id !== undefined) task.ownerId = changes.owner_id
      if (changes.linked_lead_id !== undefined) task.linkedLeadId = changes.linked_lead_id
      if (changes.linked_draft_id !== undefined) task.linkedDraftId = changes.linked_draft_id
      if (changes.owner_type !== undefined || changes.owner_id !== undefined) {
        await assertOwnerExists(trx, task.ownerType, task.ownerId)
      }

      await task.useTransaction(trx).save()
      return { task, before, from, to }
    },
    {
      action: ({ from, to }) => (from !== to ? 'task.moved' : 'task.updated'),
      resourceType: 'tasks',
      resourceId: id,
      taskId: id,
      before: ({ before }) => before,
      after: ({ task }) => task.serialize(),
      payload: ({ from, to }) => (from !== to ? { from, to } : {}),
      snapshot: true,
    }
  ).then(({ task }) => task)
}
