import { DateTime } from 'luxon'
import Task from '#models/task'
import { TASK_TRANSITIONS, TaskColumn } from '#enums/task'
import { ApiException } from '#exceptions/api_exception'
import { pgQuery } from '#services/pg_client'
import { recordChange, recordStatement, type ChangeContext } from '#services/change_recorder'
import { assertOwnerExists } from '#actions/tasks/task_references'
import type { LinkField, NewTask } from '#actions/tasks/create_task'
import { taskLinks } from '#plugin_host/task_links'

export type TaskChanges = Partial<NewTask>

/**
 * Edits a card and/or moves it between columns. The row is locked, so two
 * moves of the same card are applied one after the other and each sees the
 * column the other left. `authorizeMove` runs against that locked column.
 * Resolves with the card as serialized (the API's answer).
 */
export async function updateTask(
  context: ChangeContext,
  id: string,
  changes: TaskChanges,
  authorizeMove: (from: TaskColumn, to: TaskColumn) => Promise<void>
) {
  const keys = Object.keys(changes)
  if (keys.length === 1 && keys[0] === 'column' && changes.column) {
    const moved = await moveTask(context, id, changes.column, authorizeMove)
    if (moved) return moved
  }
  return recordChange(
    context,
    async (trx) => {
      const task = await Task.query({ client: trx }).where('id', id).forUpdate().first()
      if (!task) throw ApiException.notFound('Task')
      const before = task.serialize()
      const from = task.column
      const to = changes.column ?? from

      if (to !== from) {
        await authorizeMove(from, to)
        assertTransition(from, to)
        task.column = to
        task.doneAt = to === TaskColumn.Done ? DateTime.now() : null
      }

      if (changes.title !== undefined) task.title = changes.title
      if (changes.description !== undefined) task.description = changes.description
      if (changes.priority !== undefined) task.priority = changes.priority
      if (changes.owner_type !== undefined) task.ownerType = changes.owner_type
      if (changes.owner_id !== undefined) task.ownerId = changes.owner_id
      for (const link of taskLinks.all()) {
        const id = changes[link.field as LinkField]
        if (id !== undefined) task.setLink(link.kind, id)
      }
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
  ).then(({ task }) => task.serialize())
}

function assertTransition(from: TaskColumn, to: TaskColumn) {
  if (!TASK_TRANSITIONS[from].includes(to)) {
    throw ApiException.conflict(
      `A task cannot move from ${from} to ${to}; from ${from} it can go to ${TASK_TRANSITIONS[from].join(', ')}`,
      'E_INVALID_TRANSITION'
    )
  }
}

/* The card and its row version, as a move reads it (a prepared statement: see pg_client). */
const READ_FOR_MOVE = {
  name: 'tasks.read_for_move',
  text: 'SELECT xmin::text AS row_version, tasks.* FROM tasks WHERE id = $1',
}

/* Tries of the one-statement move before taking the locking path. */
const MOVE_ATTEMPTS = 3

/**
 * A move and nothing else (a card dragged on the board, an agent taking a
 * task): the card is read, the move checked against what was read, and one
 * statement updates it only if it is still that version (`xmin`), writing
 * the event and audit rows with it. Another change in between makes the
 * update match nothing: read again and retry. Same rules, rows and
 * broadcast as the locking path below, in 2 round trips instead of 6.
 * Resolves with the moved card as serialized, or with null when the
 * locking path should do it (no move, or the card kept changing).
 */
async function moveTask(
  context: ChangeContext,
  id: string,
  to: TaskColumn,
  authorizeMove: (from: TaskColumn, to: TaskColumn) => Promise<void>
): Promise<Record<string, unknown> | null> {
  for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
    const [row] = await pgQuery(READ_FOR_MOVE, [id])
    if (!row) throw ApiException.notFound('Task')
    const version: string = row.row_version
    delete row.row_version
    const task = Task.$createFromAdapterResult(row)!
    const from = task.column
    if (from === to) return null
    await authorizeMove(from, to)
    assertTransition(from, to)

    const before = task.serialize()
    const now = DateTime.now()
    task.column = to
    task.doneAt = to === TaskColumn.Done ? now : null
    task.updatedAt = now
    const after = task.serialize()

    const recorded = await recordStatement(
      context,
      {
        name: 'tasks.move',
        sql: `UPDATE tasks SET "column" = ?, done_at = ?, updated_at = ?
              WHERE id = ? AND xmin = ?::xid RETURNING id`,
        bindings: [to, task.doneAt ? task.doneAt.toJSDate() : null, now.toJSDate(), id, version],
      },
      {
        action: 'task.moved',
        resourceType: 'tasks',
        resourceId: id,
        taskId: id,
        before,
        after,
        payload: { from, to },
        snapshot: true,
      }
    )
    if (recorded) return after
  }
  return null
}
