/**
 * The drafts plugin's permissions, by name: its policies, its OpenAPI
 * description and its admin screens name them through here. Who holds each
 * is declared in plugin.ts (the role table's rows for drafts).
 */
export const DraftPermission = {
  Write: 'drafts.write',
  Decide: 'drafts.decide',
  /** Approval policies, and revoking or restoring an agent's autonomy. */
  ManageAutonomy: 'drafts.manage_autonomy',
} as const
