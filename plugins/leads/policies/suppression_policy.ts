import AppPolicy, { type Actor } from '#policies/app_policy'
import { LeadPermission } from '../permissions.js'

/** The suppression (do-not-contact) list: admins read and keep it. */
export default class SuppressionPolicy extends AppPolicy {
  manage(actor: Actor) {
    return this.can(actor, LeadPermission.Suppress)
  }
}
