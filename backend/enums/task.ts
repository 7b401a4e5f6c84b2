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
