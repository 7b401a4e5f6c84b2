/**
 * The contract's role table, in one place. Policies, the /api/auth/me
 * answer (which the admin's access control reads) and the docs all come
 * from here.
 */
import { Role } from '#enums/roles'

export type ActorKind = Role | 'agent'

export enum Permission {
  /** tasks, agents, events, leads, drafts, versions, approvals, controls */
  ReadRecords = 'records.read',
  ReadAudit = 'audit.read',
  ReadUsers = 'users.read',
  WriteTasks = 'tasks.write',
  /** move into or out of done; delete a task */
  FinishTasks = 'tasks.finish',
  WriteLeads = 'leads.write',
  /** closers: status, next_step, notes only */
  WriteLeadFollowUp = 'leads.write_follow_up',
  DeleteLeads = 'leads.delete',
  ExportLeads = 'leads.export',
  WriteDrafts = 'drafts.write',
  DecideDrafts = 'drafts.decide',
  ControlAgents = 'agents.control',
  ManageUsers = 'users.manage',
  ManageAgentTokens = 'agents.tokens',
  EmitEvents = 'events.emit',
}

const { Admin, Operator, Closer, Viewer } = Role

export const ROLE_TABLE: Record<Permission, readonly ActorKind[]> = {
  [Permission.ReadRecords]: [Admin, Operator, Closer, Viewer, 'agent'],
  [Permission.ReadAudit]: [Admin],
  [Permission.ReadUsers]: [Admin],
  [Permission.WriteTasks]: [Admin, Operator, 'agent'],
  [Permission.FinishTasks]: [Admin],
  [Permission.WriteLeads]: [Admin, Operator, 'agent'],
  [Permission.WriteLeadFollowUp]: [Admin, Operator, Closer, 'agent'],
  [Permission.DeleteLeads]: [Admin],
  [Permission.ExportLeads]: [Admin, Operator, Closer],
  [Permission.WriteDrafts]: [Admin, Operator, 'agent'],
  [Permission.DecideDrafts]: [Admin],
  [Permission.ControlAgents]: [Admin],
  [Permission.ManageUsers]: [Admin],
  [Permission.ManageAgentTokens]: [Admin],
  [Permission.EmitEvents]: [Admin, Operator, 'agent'],
}

/**
 * Held by every agent whatever its type declares: agents read what they work
 * on. Everything else an agent does needs its type to declare the ability.
 */
export const AGENT_IMPLIED_PERMISSIONS: ReadonlySet<Permission> = new Set([Permission.ReadRecords])

/* An ability that includes another: writing every field of a lead includes the follow-up fields. */
const INCLUDES: Partial<Record<Permission, Permission[]>> = {
  [Permission.WriteLeads]: [Permission.WriteLeadFollowUp],
}

/** Whether a list of abilities (an agent type's, a token's; `*` is all) grants `permission`. */
export function abilitiesGrant(abilities: readonly string[], permission: Permission): boolean {
  return abilities.some(
    (ability) =>
      ability === '*' ||
      ability === permission ||
      (INCLUDES[ability as Permission]?.includes(permission) ?? false)
  )
}

export function permissionsOf(kind: ActorKind): Permission[] {
  return (Object.keys(ROLE_TABLE) as Permission[]).filter((p) => ROLE_TABLE[p].includes(kind))
}

const DESCRIPTIONS: Record<Permission, string> = {
  [Permission.ReadRecords]:
    'read tasks, agents, events, leads, drafts, versions, approvals, controls',
  [Permission.ReadAudit]: 'read the audit log',
  [Permission.ReadUsers]: 'read users',
  [Permission.WriteTasks]: 'create/update tasks; move to backlog, doing, needs_approval',
  [Permission.FinishTasks]: 'move a task into or out of `done`; delete a task',
  [Permission.WriteLeads]: 'create/update leads (every field)',
  [Permission.WriteLeadFollowUp]: "update a lead's `status`, `next_step`, `notes`",
  [Permission.DeleteLeads]: 'delete leads',
  [Permission.ExportLeads]: 'export leads CSV',
  [Permission.WriteDrafts]: 'create drafts, add versions, submit for approval',
  [Permission.DecideDrafts]: 'decide drafts (every approval action)',
  [Permission.ControlAgents]: 'pause/resume/kill agents, global pause',
  [Permission.ManageUsers]: 'create and update users',
  [Permission.ManageAgentTokens]: 'mint and revoke agent tokens',
  [Permission.EmitEvents]: 'emit progress events',
}

/** The role table as Markdown, for docs/PERMISSIONS.md (a test keeps the two equal). */
export function renderRoleTable(): string {
  const kinds: ActorKind[] = [Admin, Operator, Closer, Viewer, 'agent']
  const lines = [
    `| permission | action | ${kinds.join(' | ')} |`,
    `|---|---|${kinds.map(() => '---').join('|')}|`,
  ]
  for (const permission of Object.values(Permission)) {
    const marks = kinds.map((kind) => (ROLE_TABLE[permission].includes(kind) ? '✓' : ''))
    lines.push(`| \`${permission}\` | ${DESCRIPTIONS[permission]} | ${marks.join(' | ')} |`)
  }
  return lines.join('\n')
}
