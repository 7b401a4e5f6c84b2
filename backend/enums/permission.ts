/**
 * The host's permission names. A pure module: the server's role table
 * (backend/policies/permissions.ts) declares who holds each, and the admin
 * names them through here too. Plugins export the names of theirs the same
 * way (plugins/<name>/permissions.ts).
 */
export const Permission = {
  /** tasks, agents, events and every plugin's records */
  ReadRecords: 'records.read',
  ReadAudit: 'audit.read',
  ReadUsers: 'users.read',
  WriteTasks: 'tasks.write',
  /** move into or out of done; delete a task */
  FinishTasks: 'tasks.finish',
  ControlAgents: 'agents.control',
  ManageUsers: 'users.manage',
  ManageAgentTokens: 'agents.tokens',
  EmitEvents: 'events.emit',
  /** subscribe URLs to events, read deliveries, redeliver */
  ManageWebhooks: 'webhooks.manage',
  /** requests and writes per minute, per agent type and per agent */
  ManageRateLimits: 'rate_limits.manage',
  /** set budgets (per agent, agent type, overall) */
  ManageBudgets: 'budgets.manage',
  /** read and delete anyone's saved view (everyone manages their own) */
  ManageSavedViews: 'saved_views.manage',
} as const
