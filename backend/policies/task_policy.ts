import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'
import { TaskColumn } from '#enums/task'

export default class TaskPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadRecords)
  }

  write(actor: Actor) {
    return this.can(actor, Permission.WriteTasks)
  }

  /** Into or out of `done` is the admin's call. */
  move(actor: Actor, from: TaskColumn | null, to: TaskColumn) {
    if (!this.can(actor, Permission.WriteTasks)) return false
    if (from === TaskColumn.Done || to === TaskColumn.Done) {
      return this.can(actor, Permission.FinishTasks)
    }
    return true
  }

  delete(actor: Actor) {
    return this.can(actor, Permission.FinishTasks)
  }
}
