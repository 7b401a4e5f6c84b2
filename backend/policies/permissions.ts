/**
 * The contract's role table. The host declares its own permissions here;
 * each plugin declares those of its domain (`permissions` in plugin.ts),
 * with the roles that hold them, and the plugin host adds them when it
 * starts. Policies, the /api/auth/me answer (which the admin's access
 * control reads), the OpenAPI document and docs/PERMISSIONS.md all read
 * this one table.
 */
import { Role } from '#enums/roles'
import { Permission } from '#enums/permission'

/** A role of people (`admin`, ...) or `agent`: plugins write them as plain strings. */
export type ActorKind = `${Role}` | 'agent'

/** A permission's name: `<area>.<verb>` (`tasks.write`); a plugin's areas are its own. */
export type Permission = string

/** The host's permissions, by name (a pure module the admin imports too). */
export { Permission } from '#enums/permission'

/** One row of the role table. */
export interface PermissionDefinition {
  name: Permission
  /** What it lets one do, in the words of the docs' table. */
  description: string
  /** Who holds it by default (`agent`: agents whose type declares it as an ability). */
  roles: readonly ActorKind[]
  /** Permissions this one includes (writing every field of a record includes writing some of them). */
  includes?: readonly Permission[]
}

export const ACTOR_KINDS: readonly ActorKind[] = [
  Role.Admin,
  Role.Operator,
  Role.Closer,
  Role.Viewer,
  'agent',
]

const NAME = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/

const { Admin, Operator, Closer, Viewer } = Role

export const HOST_PERMISSIONS: readonly PermissionDefinition[] = [
  {
    name: Permission.ReadRecords,
    description: "read tasks, agents, events, controls and every plugin's records",
    roles: [Admin, Operator, Closer, Viewer, 'agent'],
  },
  { name: Permission.ReadAudit, description: 'read the audit log', roles: [Admin] },
  { name: Permission.ReadUsers, description: 'read users', roles: [Admin] },
  {
    name: Permission.WriteTasks,
    description: 'create/update tasks; move to backlog, doing, needs_approval',
    roles: [Admin, Operator, 'agent'],
  },
  {
    name: Permission.FinishTasks,
    description: 'move a task into or out of `done`; delete a task',
    roles: [Admin],
  },
  {
    name: Permission.ControlAgents,
    description: 'pause/resume/kill agents, global pause',
    roles: [Admin],
  },
  { name: Permission.ManageUsers, description: 'create and update users', roles: [Admin] },
  {
    name: Permission.ManageAgentTokens,
    description: 'mint and revoke agent tokens',
    roles: [Admin],
  },
  {
    name: Permission.EmitEvents,
    description: 'emit progress events',
    roles: [Admin, Operator, 'agent'],
  },
  {
    name: Permission.ManageWebhooks,
    description: 'manage webhook subscriptions; read and redeliver their deliveries',
    roles: [Admin],
  },
  {
    name: Permission.ManageRateLimits,
    description: "read and set agents' rate limits (requests and writes per minute)",
    roles: [Admin],
  },
  {
    name: Permission.ManageBudgets,
    description: 'set, change and remove spending budgets',
    roles: [Admin],
  },
  {
    name: Permission.ManageSavedViews,
    description: "read and delete anyone's saved list views (each person manages their own)",
    roles: [Admin],
  },
]

type Entry = PermissionDefinition & { owner: string }

/** Every permission of the host and the enabled plugins, in the order they were declared. */
export class RoleTable {
  #entries = new Map<Permission, Entry>()

  /**
   * Adds permissions on behalf of `owner` (`host` or a plugin). Declaring the
   * same definition again is a no-op (an app booted twice in one process);
   * a name another owner declared, or a bad row, throws.
   */
  define(owner: string, definitions: readonly PermissionDefinition[]) {
    for (const definition of definitions) assertPermission(definition)
    const names = new Set(definitions.map((definition) => definition.name))
    for (const definition of definitions) {
      const existing = this.#entries.get(definition.name)
      if (existing && existing.owner !== owner) {
        throw new Error(
          `permission "${definition.name}" is already declared by "${existing.owner}"`
        )
      }
      for (const included of definition.includes ?? []) {
        if (!names.has(included) && !this.#entries.has(included)) {
          throw new Error(`permission "${definition.name}" includes unknown "${included}"`)
        }
      }
    }
    for (const definition of definitions) {
      this.#entries.set(definition.name, {
        owner,
        name: definition.name,
        description: definition.description,
        roles: [...definition.roles],
        includes: definition.includes ? [...definition.includes] : undefined,
      })
    }
  }

  /** Forgets what a plugin declared (tests that boot plugins of their own). */
  forget(owner: string) {
    for (const [name, entry] of this.#entries) if (entry.owner === owner) this.#entries.delete(name)
  }

  has(permission: Permission): boolean {
    return this.#entries.has(permission)
  }

  /** The actor kinds that hold it; none for a permission nobody declared. */
  rolesOf(permission: Permission): readonly ActorKind[] {
    return this.#entries.get(permission)?.roles ?? []
  }

  ownerOf(permission: Permission): string | undefined {
    return this.#entries.get(permission)?.owner
  }

  all(): PermissionDefinition[] {
    return [...this.#entries.values()].map(({ owner: _owner, ...definition }) => definition)
  }

  names(): Permission[] {
    return [...this.#entries.keys()]
  }

  permissionsOf(kind: ActorKind): Permission[] {
    return this.names().filter((name) => this.rolesOf(name).includes(kind))
  }

  /** Whether a list of abilities (an agent type's, a token's; `*` is all) grants `permission`. */
  grants(abilities: readonly string[], permission: Permission): boolean {
    return abilities.some(
      (ability) =>
        ability === '*' ||
        ability === permission ||
        (this.#entries.get(ability)?.includes?.includes(permission) ?? false)
    )
  }

  /** The role table as Markdown, for docs/PERMISSIONS.md (a test keeps the two equal). */
  render(): string {
    const lines = [
      `| permission | action | ${ACTOR_KINDS.join(' | ')} |`,
      `|---|---|${ACTOR_KINDS.map(() => '---').join('|')}|`,
    ]
    for (const entry of this.#entries.values()) {
      const marks = ACTOR_KINDS.map((kind) => (entry.roles.includes(kind) ? '✓' : ''))
      lines.push(`| \`${entry.name}\` | ${entry.description} | ${marks.join(' | ')} |`)
    }
    return lines.join('\n')
  }
}

export function assertPermission(definition: PermissionDefinition) {
  if (!definition || typeof definition.name !== 'string' || !NAME.test(definition.name)) {
    throw new TypeError(
      `permission ${JSON.stringify(definition?.name)} must be "<area>.<verb>" in snake_case (tasks.write)`
    )
  }
  const where = `permission "${definition.name}"`
  if (typeof definition.description !== 'string' || !definition.description.trim()) {
    throw new TypeError(`${where} needs a description`)
  }
  if (
    !Array.isArray(definition.roles) ||
    definition.roles.some((role) => !ACTOR_KINDS.includes(role))
  ) {
    throw new TypeError(`${where}: "roles" must list some of ${ACTOR_KINDS.join(', ')}`)
  }
  if (
    definition.includes !== undefined &&
    (!Array.isArray(definition.includes) ||
      definition.includes.some((name) => typeof name !== 'string'))
  ) {
    throw new TypeError(`${where}: "includes" must be an array of permission names`)
  }
}

/** A table holding the host's permissions; plugins add theirs. */
export function createRoleTable() {
  const table = new RoleTable()
  table.define('host', HOST_PERMISSIONS)
  return table
}

/** The running table: the host's permissions, then each enabled plugin's (added by the plugin host). */
export const roleTable = createRoleTable()

/**
 * Held by every agent whatever its type declares: agents read what they work
 * on. Everything else an agent does needs its type to declare the ability.
 */
export const AGENT_IMPLIED_PERMISSIONS: ReadonlySet<Permission> = new Set([Permission.ReadRecords])
