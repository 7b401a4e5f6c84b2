/*
| Host policies; plugins add theirs through the plugin host.
*/
export const policies = {
  UserPolicy: () => import('#policies/user_policy'),
  AgentTokenPolicy: () => import('#policies/agent_token_policy'),
  TaskPolicy: () => import('#policies/task_policy'),
  AgentPolicy: () => import('#policies/agent_policy'),
  EventPolicy: () => import('#policies/event_policy'),
  AuditPolicy: () => import('#policies/audit_policy'),
  WebhookPolicy: () => import('#policies/webhook_policy'),
  RateLimitPolicy: () => import('#policies/rate_limit_policy'),
}
