/**
 * The permission names /api/auth/me returns (the server's role table,
 * docs/PERMISSIONS.md). Screens name them through here, never as loose strings.
 */
export const Permission = {
  ReadRecords: 'records.read',
  ReadAudit: 'audit.read',
  ReadUsers: 'users.read',
  WriteTasks: 'tasks.write',
  FinishTasks: 'tasks.finish',
  WriteLeads: 'leads.write',
  WriteLeadFollowUp: 'leads.write_follow_up',
  DeleteLeads: 'leads.delete',
  ExportLeads: 'leads.export',
  WriteDrafts: 'drafts.write',
  DecideDrafts: 'drafts.decide',
  ControlAgents: 'agents.control',
  ManageUsers: 'users.manage',
  ManageAgentTokens: 'agents.tokens',
  EmitEvents: 'events.emit',
} as const

export type PermissionName = (typeof Permission)[keyof typeof Permission]
