import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

/** The event log and what is rebuilt from it (replay). */
export default class EventPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadRecords)
  }

  emit(actor: Actor) {
    return this.can(actor, Permission.EmitEvents)
  }
}
