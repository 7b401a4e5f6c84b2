export enum TaskColumn {
  Backlog = 'backlog',
  Doing = 'doing',
  NeedsApproval = 'needs_approval',
  Done = 'done',
}

export enum TaskPriority {
  Low = 'low',
  Med = 'med',
  High = 'high',
}

export enum OwnerType {
  Admin = 'admin',
  Agent = 'agent',
}

export const TASK_COLUMNS = Object.values(TaskColumn)
export const TASK_PRIORITIES = Object.values(TaskPriority)
export const OWNER_TYPES = Object.values(OwnerType)

/**
 * The moves the board allows, whoever makes them. A task is started before
 * it is submitted, and a finished task is reopened into work, not straight
 * back into review. Moving into or out of `done` also needs the admin role.
 */
export const TASK_TRANSITIONS: Record<TaskColumn, readonly TaskColumn[]> = {
  [TaskColumn.Backlog]: [TaskColumn.Doing, TaskColumn.Done],
  [TaskColumn.Doing]: [TaskColumn.Backlog, TaskColumn.NeedsApproval, TaskColumn.Done],
  [TaskColumn.NeedsApproval]: [TaskColumn.Doing, TaskColumn.Backlog, TaskColumn.Done],
  [TaskColumn.Done]: [TaskColumn.Backlog, TaskColumn.Doing],
}
