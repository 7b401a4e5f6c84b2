import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'
import { LeadPermission } from '../permissions.js'

/** Leads by the role table; closers hold only the follow-up part of writing. */
export default class LeadPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadRecords)
  }

  create(actor: Actor) {
    return this.can(actor, LeadPermission.Write)
  }

  /** Any update at all: every field, or only status, next_step and notes. */
  update(actor: Actor) {
    return this.can(actor, LeadPermission.Write) || this.can(actor, LeadPermission.WriteFollowUp)
  }

  /** Fields beyond the follow-up ones (business_name, website, lead_score, ...). */
  updateEveryField(actor: Actor) {
    return this.can(actor, LeadPermission.Write)
  }

  delete(actor: Actor) {
    return this.can(actor, LeadPermission.Delete)
  }

  /** Some action over many leads: whoever may update or delete them (each action checks its own). */
  bulkAct(actor: Actor) {
    return this.update(actor) || this.delete(actor)
  }

  export(actor: Actor) {
    return this.can(actor, LeadPermission.Export)
  }

  /** A CSV import: closers too (a list from elsewhere), every row checked as a created lead. */
  import(actor: Actor) {
    return this.can(actor, LeadPermission.Import)
  }

  /** Every person's imports in the list: whoever reads the audit log (admins). */
  viewAllImports(actor: Actor) {
    return this.can(actor, LeadPermission.Import) && this.can(actor, Permission.ReadAudit)
  }

  /** An import's record and rejected rows: who started it, and whoever reads the audit log (admins). */
  viewImport(actor: Actor, started: { created_by: { id: string | null } }) {
    return (
      this.can(actor, LeadPermission.Import) &&
      (started.created_by.id === actor.id || this.can(actor, Permission.ReadAudit))
    )
  }
}
