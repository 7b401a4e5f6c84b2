import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'
import { DraftPermission } from '../permissions.js'

export default class DraftPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadRecords)
  }

  /** Create drafts, add versions, submit for approval. */
  write(actor: Actor) {
    return this.can(actor, DraftPermission.Write)
  }

  /** Every approval action. */
  decide(actor: Actor) {
    return this.can(actor, DraftPermission.Decide)
  }
}
