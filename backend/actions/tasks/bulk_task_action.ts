import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import Task from '#models/task'
import Agent from '#models/agent'
import { TASK_TRANSITIONS, TaskColumn, type TaskPriority } from '#enums/task'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import { removeTask } from '#actions/tasks/delete_task'

/** How many cards one action names (a page of the list, or a column's worth of the board). */
export const MAX_BULK_TASKS = 500

export const BULK_TASK_ACTIONS = ['move', 'set_priority', 'delete'] as const
export type BulkTaskAction = (typeof BULK_TASK_ACTIONS)[number]

export interface BulkTaskRequest {
  action: BulkTaskAction
  ids: string[]
  column?: TaskColumn
  priority?: TaskPriority
}

/** A card the action left as it was, and why. */
export interface BulkTaskRefusal {
  id: string
  code: 'E_NOT_FOUND' | 'E_INVALID_TRANSITION' | 'E_FORBIDDEN'
  message: string
}

export interface BulkTaskResult {
  /** Shared by the events of the cards it changed (`payload.bulk_id`). */
  id: string
  action: BulkTaskAction
  /** Cards named that exist. */
  matched: number
  changed: number
  /** Already in that column or of that priority. */
  unchanged: number
  refused: BulkTaskRefusal[]
}

/**
 * One action over many cards: move them to a column, set their priority, or
 * delete them (the controller checks who may). One transaction. Each card it
 * changes gets its own event (with its snapshot) and audit row, as when it
 * is changed alone, all carrying the action's `bulk_id`: the board's replay,
 * its snapshots and every open board read a card's history from its own
 * events. A card the move may not take (a move the board does not allow from
 * its column, or into or out of `done` for someone who is not an admin) is
 * left as it is and listed in `refused`, like a card that does not exist;
 * the rest are changed.
 */
export async function runBulkTaskAction(
  context: ChangeContext,
  request: BulkTaskRequest,
  mayMove: (from: TaskColumn, to: TaskColumn) => Promise<boolean>
): Promise<BulkTaskResult> {
  const bulkId = randomUUID()
  const payload = { bulk_id: bulkId }
  /* as the database spells them: an id sent in capitals is the same card */
  const ids = [...new Set(request.ids.map((id) => id.toLowerCase()))]
  return recordChanges(
    context,
    async (trx, recorder) => {
      /*
       * A delete detaches the cards' agents: they are locked first, as an
       * agent's heartbeat locks its agent before the card it names, so the
       * two queue instead of deadlocking.
       */
      if (request.action === 'delete') {
        await Agent.query({ client: trx }).whereIn('current_task_id', ids).orderBy('id').forUpdate()
      }
      /* in id order, so two actions over the same cards queue instead of deadlocking */
      const tasks = await Task.query({ client: trx }).whereIn('id', ids).orderBy('id').forUpdate()
      const found = new Set(tasks.map((task) => task.id))
      const refused: BulkTaskRefusal[] = ids
        .filter((id) => !found.has(id))
        .map((id) => ({ id, code: 'E_NOT_FOUND', message: 'No such task' }))
      let changed = 0

      for (const task of tasks) {
        const before = task.serialize()
        if (request.action === 'delete') {
          await removeTask(recorder, task, payload)
          changed++
          continue
        }

        if (request.action === 'set_priority') {
          if (task.priority === request.priority) continue
          task.priority = request.priority!
          await task.useTransaction(trx).save()
          await recorder.record({
            action: 'task.updated',
            resourceType: 'tasks',
            resourceId: task.id,
            taskId: task.id,
            before,
            after: task.serialize(),
            payload,
            snapshot: true,
          })
          changed++
          continue
        }

        const from = task.column
        const to = request.column!
        if (from === to) continue
        if (!TASK_TRANSITIONS[from].includes(to)) {
          refused.push({
            id: task.id,
            code: 'E_INVALID_TRANSITION',
            message: `A task cannot move from ${from} to ${to}; from ${from} it can go to ${TASK_TRANSITIONS[from].join(', ')}`,
          })
          continue
        }
        if (!(await mayMove(from, to))) {
          refused.push({
            id: task.id,
            code: 'E_FORBIDDEN',
            message: 'Only an admin moves a task into or out of done',
          })
          continue
        }
        task.column = to
        task.doneAt = to === TaskColumn.Done ? DateTime.now() : null
        await task.useTransaction(trx).save()
        await recorder.record({
          action: 'task.moved',
          resourceType: 'tasks',
          resourceId: task.id,
          taskId: task.id,
          before,
          after: task.serialize(),
          payload: { from, to, ...payload },
          snapshot: true,
        })
        changed++
      }

      /* refusals in the order the ids were sent */
      const order = new Map(ids.map((id, index) => [id, index]))
      refused.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      return {
        id: bulkId,
        action: request.action,
        matched: tasks.length,
        changed,
        unchanged: tasks.length - changed - refused.filter((r) => found.has(r.id)).length,
        refused,
      }
    },
    { allowNoChange: true }
  )
}
