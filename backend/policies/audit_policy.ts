import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

/** The audit log is read-only for everyone; only admins read it. */
export default class AuditPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadAudit)
  }
}
