/**
 * The leads plugin's permissions, by name: its policies, its OpenAPI
 * description and its admin screens name them through here. Who holds each
 * is declared in plugin.ts (the role table's rows for leads).
 */
export const LeadPermission = {
  Write: 'leads.write',
  /** closers: status, next_step, notes only */
  WriteFollowUp: 'leads.write_follow_up',
  Delete: 'leads.delete',
  Export: 'leads.export',
  /** a CSV import: closers bring their lists too */
  Import: 'leads.import',
  /** the do-not-contact list: read it, add and remove entries */
  Suppress: 'leads.suppress',
} as const
