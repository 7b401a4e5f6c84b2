import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

export default class UserPolicy extends AppPolicy {
  viewList(actor: Actor) {
    return this.can(actor, Permission.ReadUsers)
  }

  view(actor: Actor) {
    return this.can(actor, Permission.ReadUsers)
  }

  manage(actor: Actor) {
    return this.can(actor, Permission.ManageUsers)
  }
}
