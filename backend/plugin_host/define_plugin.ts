/**
 * The contract between the host and a plugin. A plugin is a folder under
 * `plugins/` whose `plugin.ts` default-exports `definePlugin({...})`.
 *
 * plugin.ts is imported while the configuration is loading (its migrations
 * must be known before the database is): keep it declarative and import
 * controllers, models and policies lazily, as the examples do.
 */
import type { HttpRouterService } from '@adonisjs/core/types'
import type { ParsedNamedMiddleware } from '@adonisjs/core/types/http'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { ApplicationService } from '@adonisjs/core/types'
import type { BasePolicy } from '@adonisjs/bouncer'
import type { BaseCommand } from '@adonisjs/core/ace'
import type { Actor } from '#policies/actor'
import type { CrewRole } from '#demo_crew/crew_member'
import type { OpenApiContribution } from '#openapi/kit'
import type { McpContribution } from '#mcp/kit'
import type { RecordedEvent } from '#services/change_recorder'
import type { Role } from '#enums/roles'
import { VineObject } from '@vinejs/vine'
import { EVENT_TYPE_PATTERN, reservedEventTypeReason } from '#enums/event_type'
import { assertPermission, type PermissionDefinition } from '#policies/permissions'
import { assertTaskLink, type TaskLinkDefinition } from './task_links.js'

export type LazyImport<T> = () => Promise<{ default: T }>

/** A VineJS object schema: `vine.object({ ... })`. */
export type ObjectSchema = VineObject<any, any, any, any>

/** A progress event an agent type emits through POST /api/events, and the shape of its payload. */
export interface AgentEventTypeDefinition {
  /** `namespace.verb`, lowercase (`lead.enriched`); not in the host's namespaces, not ending in .created/.updated/.deleted. */
  type: string
  description?: string
  /** The payload's schema; without one, any JSON object is accepted. */
  payload?: ObjectSchema
}

/** An agent type: what an agent of this kind is and what its tokens may do. */
export interface AgentTypeDefinition {
  /** snake_case identifier stored in agents.type */
  name: string
  label: string
  description?: string
  /**
   * What agents of this type may do beyond reading (permissions of the role
   * table's agent column: `tasks.write`, or a plugin's such as `leads.write`):
   * the ceiling of every token of theirs, checked on every route. An ability
   * of a plugin named in `uses` that is not enabled is left out.
   */
  abilities?: string[]
  /** Schema of an agent's `metadata.settings`, checked when an agent of this type is created with them. */
  settings?: ObjectSchema
  /** The only event types agents of this type may post; each name belongs to one agent type. */
  events?: AgentEventTypeDefinition[]
  /**
   * What an agent of this type does in the demo crew (`npm start -- --demo`):
   * a module default-exporting a function that makes a fresh `CrewRole`.
   */
  demo?: LazyImport<() => CrewRole>
}

/**
 * The host's named middleware a plugin's routes may use (backend/start/kernel.ts
 * provides them), so plugin routes protect themselves the same way.
 */
export interface PluginMiddleware {
  /**
   * A person (session or token) or an agent (its token); refuses deactivated
   * users, and a paused agent's writes (423).
   */
  auth(): ParsedNamedMiddleware
}

/** What a plugin's `routes` function receives. Routes are mounted under /api. */
export interface PluginRouteContext {
  router: HttpRouterService
  middleware: PluginMiddleware
}

/** Seeds demo data; must be idempotent (it runs on every `db:seed`). */
export interface SeedContext {
  app: ApplicationService
  /** Creates the agent (recorded as a system change) unless one with this name exists. */
  ensureAgent(agent: {
    name: string
    type: string
    metadata?: Record<string, unknown>
  }): Promise<void>
}

export type PluginSeeder = (ctx: SeedContext) => Promise<void>

/**
 * The record a replay timeline is about: exactly one key is set, `task_id`
 * or a task link kind's `<kind>_id`.
 */
export type TimelineSubject = Partial<Record<string, string>>

/**
 * The subject's id and the ids linked to it through tasks' links: `task_ids`,
 * and `<kind>_ids` for every declared task link kind (empty when none).
 */
export type TimelineLinks = { task_ids: string[] } & Record<string, string[]>

/** One timeline entry: when, what kind (`version`, `approval`, ...), and its own fields. */
export interface TimelineItem {
  at: string | Date
  kind: string
  [field: string]: unknown
}

export interface TimelineRequest {
  subject: TimelineSubject
  links: TimelineLinks
  /** Who asks: a source leaves out what this actor may not read. */
  actor: Actor
}

/** Adds a plugin's own history (rows of its tables) to `GET /api/replay/timeline`. */
export type TimelineSource = (request: TimelineRequest) => TimelineItem[] | Promise<TimelineItem[]>

/** Who asks for GET /api/summary, and the window its numbers cover. */
export interface SummaryRequest {
  /** A part this actor may not read is left out: the source returns null. */
  actor: Actor
  /** When the summary is taken. */
  now: Date
  /** Where a day starts (BUDGET_TIME_ZONE), for numbers per day. */
  timeZone: string
  /** The days of the per-day series, oldest first, `YYYY-MM-DD` in `timeZone` (#services/summary helps count per day). */
  days: string[]
}

/**
 * A plugin's part of GET /api/summary: the numbers its Home cards show, as
 * JSON (under `plugins.<name>`), so that the Home makes one request. Null
 * leaves it out.
 */
export type SummarySource = (
  request: SummaryRequest
) => Record<string, unknown> | null | Promise<Record<string, unknown> | null>

/** The small typed API a plugin gets in its register and boot hooks. */
export interface PluginHostApi {
  readonly app: ApplicationService
  /** Registers an agent type (same as listing it in `agentTypes`). */
  registerAgentType(definition: AgentTypeDefinition): void
  /** Registers a Bouncer policy under a name usable with `bouncer.with(name)`. */
  registerPolicy(name: string, policy: LazyImport<typeof BasePolicy>): void
  /** Agent types registered so far, by every plugin. */
  agentTypes(): AgentTypeDefinition[]
  /** Adds items to replay timelines; the host merges them with events and audit, oldest first. */
  registerTimelineSource(source: TimelineSource): void
}

/**
 * Something a person should act on, raised by a recorded event
 * (docs/NOTIFICATIONS.md). Each person who holds one of `roles` gets it,
 * through the channels they chose for this kind.
 */
export interface NotificationKind {
  /** `<plugin>.<what>`, e.g. `drafts.waiting`. */
  kind: string
  /** For the preferences screen. */
  label: string
  description?: string
  /** The event type that raises it. */
  on: string
  /** Raise it for this event only when true (a pause made by a rule, not by a person). */
  when?: (event: RecordedEvent) => boolean
  roles: `${Role}`[]
  title: (event: RecordedEvent) => string
  body?: (event: RecordedEvent) => string | null
  /** The admin path that acts on it. */
  link?: (event: RecordedEvent) => string | null
}

export interface PluginDefinition {
  /** Unique name; by convention the folder name. */
  name: string
  label?: string
  description?: string
  /** Plugins whose tables, routes or types this one needs; they register and boot first. */
  dependsOn?: string[]
  /**
   * Plugins this one works with when they are enabled (their permissions as
   * its agent types' abilities, their services): not required, and no change
   * to the order.
   */
  uses?: string[]
  /**
   * The permissions of the plugin's domain, each named `<plugin>.<verb>`, with
   * the roles (and `agent`) that hold them: they join the host's role table.
   */
  permissions?: PermissionDefinition[]
  /**
   * Kinds of the plugin's records a task may link to (`{kind: 'invoice', ...}`
   * gives tasks a `linked_invoice_id`); the plugin's migration adds the column.
   */
  taskLinks?: TaskLinkDefinition[]
  /** Routes, mounted under /api. */
  routes?: (ctx: PluginRouteContext) => void | Promise<void>
  /** Bouncer policies, by name. */
  policies?: Record<string, LazyImport<typeof BasePolicy>>
  /** Models the plugin owns (documentation and tooling; the host never needs them). */
  models?: Record<string, LazyImport<LucidModel>>
  /** Seeders run by `node ace db:seed` and on a fresh start, after the host's. */
  seeders?: LazyImport<PluginSeeder>[]
  /** Ace commands (default-exported BaseCommand classes), listed by `node ace` while enabled. */
  commands?: LazyImport<typeof BaseCommand>[]
  /** The plugin's routes in GET /api/openapi.json: a module default-exporting defineOpenApi({...}). */
  openapi?: LazyImport<OpenApiContribution>
  /** The plugin's tools and resources on the MCP server (/mcp): a module default-exporting defineMcp({...}). */
  mcp?: LazyImport<McpContribution>
  agentTypes?: AgentTypeDefinition[]
  /**
   * The event types the plugin writes through the change recorder, beyond
   * `<namespace>.created/.updated/.deleted` (which nobody may post anyway):
   * exact names (`lead.imported`) or whole namespaces (`suppression.*`).
   * Nobody may post them to POST /api/events and no agent type may declare
   * them, so a webhook, a notification or the feed never takes a posted
   * event for the plugin's own change.
   */
  records?: string[]
  /** What the plugin's events ask people to act on (drafts waiting for a decision, ...). */
  notifications?: NotificationKind[]
  /** The numbers of the plugin's Home cards in GET /api/summary: a module default-exporting a SummarySource. */
  summary?: LazyImport<SummarySource>
  /** Called for every plugin, in dependency order, before any boot hook. */
  register?: (host: PluginHostApi) => void | Promise<void>
  /** Called for every plugin once all are registered. */
  boot?: (host: PluginHostApi) => void | Promise<void>
}

const PLUGIN_BRAND = Symbol.for('mission-control.plugin')

export type DefinedPlugin = PluginDefinition & { readonly [PLUGIN_BRAND]: true }

const NAME = /^[a-z][a-z0-9_]*$/

/** Declares a plugin. Checks the shape at once, so mistakes fail the boot with a clear message. */
export function definePlugin(definition: PluginDefinition): DefinedPlugin {
  if (!definition || typeof definition !== 'object') {
    throw new TypeError('definePlugin expects an object')
  }
  if (typeof definition.name !== 'string' || !NAME.test(definition.name)) {
    throw new TypeError(
      `plugin name must be snake_case (a-z, 0-9, _), got ${JSON.stringify(definition.name)}`
    )
  }
  for (const key of ['routes', 'register', 'boot', 'openapi', 'mcp', 'summary'] as const) {
    if (definition[key] !== undefined && typeof definition[key] !== 'function') {
      throw new TypeError(`"${key}" must be a function`)
    }
  }
  for (const key of ['dependsOn', 'uses'] as const) {
    if (definition[key] !== undefined && !isStringArray(definition[key])) {
      throw new TypeError(`"${key}" must be an array of plugin names`)
    }
  }
  if (definition.permissions !== undefined && !Array.isArray(definition.permissions)) {
    throw new TypeError('"permissions" must be an array')
  }
  for (const permission of definition.permissions ?? []) {
    assertPermission(permission)
    if (!permission.name.startsWith(`${definition.name}.`)) {
      throw new TypeError(
        `permission "${permission.name}" must be named after its plugin: "${definition.name}.<verb>"`
      )
    }
  }
  if (definition.taskLinks !== undefined && !Array.isArray(definition.taskLinks)) {
    throw new TypeError('"taskLinks" must be an array')
  }
  for (const link of definition.taskLinks ?? []) assertTaskLink(link)
  for (const type of definition.agentTypes ?? []) assertAgentType(type)
  assertRecordedTypes(definition.records)
  return Object.freeze({ ...definition, [PLUGIN_BRAND]: true as const })
}

/** The same check for a declared agent type and one registered from a hook. */
export function assertAgentType(type: AgentTypeDefinition) {
  if (!type || typeof type.name !== 'string' || !NAME.test(type.name) || !type.label) {
    throw new TypeError(
      `agent type ${JSON.stringify(type?.name)} needs a snake_case name and a label`
    )
  }
  const where = `agent type "${type.name}"`
  if (type.abilities !== undefined && !isStringArray(type.abilities)) {
    throw new TypeError(`${where}: "abilities" must be an array of strings`)
  }
  if (type.demo !== undefined && typeof type.demo !== 'function') {
    throw new TypeError(
      `${where}: "demo" must be a lazy import, () => import('./demo/behaviour.js')`
    )
  }
  if (type.settings !== undefined && !(type.settings instanceof VineObject)) {
    throw new TypeError(`${where}: "settings" must be a VineJS object schema (vine.object({...}))`)
  }
  if (type.events === undefined) return
  if (!Array.isArray(type.events)) throw new TypeError(`${where}: "events" must be an array`)
  const seen = new Set<string>()
  for (const event of type.events) {
    const name = event?.type
    if (typeof name !== 'string' || name.length > 100 || !EVENT_TYPE_PATTERN.test(name)) {
      throw new TypeError(
        `${where}: event type ${JSON.stringify(name)} must be lowercase words joined by dots (lead.enriched), at most 100 characters`
      )
    }
    /* an event type nobody may post would only fail later, at the agent's first report */
    const reserved = reservedEventTypeReason(name)
    if (reserved) throw new TypeError(`${where}: event type "${name}": ${reserved}`)
    if (seen.has(name)) throw new TypeError(`${where}: event type "${name}" is listed twice`)
    seen.add(name)
    if (event.payload !== undefined && !(event.payload instanceof VineObject)) {
      throw new TypeError(
        `${where}: the payload of "${name}" must be a VineJS object schema (vine.object({...}))`
      )
    }
  }
}

/** `lead.imported` or `suppression.*`. */
const RECORDED_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.([a-z][a-z0-9_]*|\*)$/

function assertRecordedTypes(records: unknown) {
  if (records === undefined) return
  if (!isStringArray(records)) throw new TypeError('"records" must be an array of event types')
  for (const type of records) {
    if (!RECORDED_TYPE.test(type)) {
      throw new TypeError(
        `"records": ${JSON.stringify(type)} must be an event type (lead.imported) or a namespace (suppression.*)`
      )
    }
  }
}

/** Whether `eventType` is `pattern` or in its namespace (`suppression.*`). */
export function matchesRecordedType(pattern: string, eventType: string) {
  return pattern.endsWith('.*') ? eventType.startsWith(pattern.slice(0, -1)) : pattern === eventType
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

export function isDefinedPlugin(value: unknown): value is DefinedPlugin {
  return !!value && typeof value === 'object' && (value as any)[PLUGIN_BRAND] === true
}
