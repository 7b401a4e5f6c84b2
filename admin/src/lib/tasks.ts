/*
| Task columns, priorities and the board's transition table come from the
| backend's enums (plain TypeScript, no server code), so the UI refuses the
| same moves the server does. The record and its field types are the API's
| (client/api_types.ts, generated from the OpenAPI document): the enums'
| members are those strings, so `TaskColumn.Done` is a `TaskColumn`.
*/
import * as enums from '../../../backend/enums/task'
import type { components } from '#client/api_types'
import { Permission } from './permissions'

/** A row of GET /api/tasks. */
export type TaskRecord = components['schemas']['Task']

export type TaskColumn = TaskRecord['column']
export type TaskPriority = TaskRecord['priority']
export type OwnerType = TaskRecord['owner_type']
export const TaskColumn = enums.TaskColumn
export const TaskPriority = enums.TaskPriority
export const OwnerType = enums.OwnerType

export const TASK_COLUMNS: readonly TaskColumn[] = enums.TASK_COLUMNS
export const TASK_PRIORITIES: readonly TaskPriority[] = enums.TASK_PRIORITIES
export const OWNER_TYPES: readonly OwnerType[] = enums.OWNER_TYPES
export const TASK_TRANSITIONS: Record<TaskColumn, readonly TaskColumn[]> = enums.TASK_TRANSITIONS

export const COLUMN_LABELS: Record<TaskColumn, string> = {
  [TaskColumn.Backlog]: 'Backlog',
  [TaskColumn.Doing]: 'Doing',
  [TaskColumn.NeedsApproval]: 'Needs approval',
  [TaskColumn.Done]: 'Done',
}

export const COLUMN_COLORS: Record<TaskColumn, string> = {
  [TaskColumn.Backlog]: 'default',
  [TaskColumn.Doing]: 'processing',
  [TaskColumn.NeedsApproval]: 'warning',
  [TaskColumn.Done]: 'success',
}

export const PRIORITY_COLORS: Record<TaskPriority, string> = {
  [TaskPriority.Low]: 'default',
  [TaskPriority.Med]: 'blue',
  [TaskPriority.High]: 'red',
}

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  [TaskPriority.Low]: 'Low',
  [TaskPriority.Med]: 'Medium',
  [TaskPriority.High]: 'High',
}

export const COLUMN_OPTIONS = TASK_COLUMNS.map((value) => ({ value, label: COLUMN_LABELS[value] }))
export const PRIORITY_OPTIONS = TASK_PRIORITIES.map((value) => ({
  value,
  label: PRIORITY_LABELS[value],
}))

/**
 * Why moving a task from `from` (null: a new task) to `to` is refused, or
 * null when allowed: the role (tasks.write; tasks.finish into or out of
 * done) and the transition table. The server applies the same two rules.
 */
export function moveRefusal(
  from: TaskColumn | null,
  to: TaskColumn,
  permissions: Iterable<string>
): string | null {
  const held = new Set(permissions)
  if (from === to) return null
  if (!held.has(Permission.WriteTasks)) return 'Your role cannot change tasks'
  if ((from === TaskColumn.Done || to === TaskColumn.Done) && !held.has(Permission.FinishTasks)) {
    return from === TaskColumn.Done
      ? 'Only an admin reopens a finished task'
      : 'Only an admin moves a task to Done'
  }
  if (from !== null && !TASK_TRANSITIONS[from].includes(to)) {
    return `A task cannot go from ${COLUMN_LABELS[from]} straight to ${COLUMN_LABELS[to]}`
  }
  return null
}
