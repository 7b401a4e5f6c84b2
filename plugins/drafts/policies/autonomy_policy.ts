import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'
import { DraftPermission } from '../permissions.js'

/** Approval policies and agents' earned autonomy: everyone who reads drafts reads them; admins set them. */
export default class AutonomyPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadRecords)
  }

  /** Set or remove a policy; revoke or restore an agent's autonomy. */
  manage(actor: Actor) {
    return this.can(actor, DraftPermission.ManageAutonomy)
  }
}
