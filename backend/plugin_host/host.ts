/**
 * The running set of plugins: what they registered (agent types, policies,
 * seeders) and the lifecycle that calls them, register then boot, in
 * dependency order.
 */
import type { ApplicationService, HttpRouterService } from '@adonisjs/core/types'
import type { BasePolicy } from '@adonisjs/bouncer'
import vine, { type VineValidator } from '@vinejs/vine'
import {
  assertAgentType,
  matchesRecordedType,
  type AgentTypeDefinition,
  type LazyImport,
  type PluginHostApi,
  type PluginRouteContext,
  type PluginSeeder,
  type SummarySource,
  type TimelineSource,
} from './define_plugin.js'
import type { OpenApiContribution } from '#openapi/kit'
import type { McpContribution } from '#mcp/kit'
import type { NotificationKind } from './define_plugin.js'
import type { LoadedPlugin } from './discovery.js'
import { PluginError } from './plugin_error.js'
import { roleTable, type RoleTable } from '#policies/permissions'
import { taskLinks, type TaskLinks } from './task_links.js'

/** A compiled VineJS validator of an object schema. */
export type ObjectValidator = VineValidator<any, Record<string, any> | undefined>

/** A declared event type, its payload validator compiled once at register time. */
export interface RegisteredEventType {
  type: string
  description?: string
  /** The agent type that declares it, and that agent type's plugin. */
  agentType: string
  plugin: string
  /** Undefined when the declaration has no payload schema (any JSON object is accepted). */
  validator?: ObjectValidator
}

export type RegisteredAgentType = AgentTypeDefinition & { plugin: string }

export class PluginHost {
  #plugins: LoadedPlugin[] = []
  #agentTypes = new Map<string, RegisteredAgentType>()
  #settingsValidators = new Map<string, ObjectValidator>()
  /* by event type name: a name belongs to one agent type, so it has one schema */
  #eventTypes = new Map<string, RegisteredEventType>()
  #policies: Record<string, LazyImport<typeof BasePolicy>> = {}
  #policyOwners = new Map<string, string>()
  #timelineSources: { plugin: string; source: TimelineSource }[] = []
  /* what each plugin records (`records` in plugin.ts): nobody posts these */
  #recorded: { plugin: string; pattern: string }[] = []
  #booted = false

  /**
   * `tables`: where the plugins' permissions and task links go. The app's
   * host fills the running ones (policies and routes read them); a host that
   * only describes plugins (the API types) keeps its own.
   */
  constructor(
    readonly app: ApplicationService,
    readonly tables: { roleTable: RoleTable; taskLinks: TaskLinks } = { roleTable, taskLinks }
  ) {}

  get plugins(): readonly LoadedPlugin[] {
    return this.#plugins
  }

  get booted() {
    return this.#booted
  }

  /** Registers every plugin's declarations and register hook, then runs every boot hook. */
  async start(plugins: LoadedPlugin[]) {
    await this.register(plugins)
    await this.boot()
  }

  /**
   * Only what the plugins declare and register (agent types, policies, ...), no boot hook:
   * enough to describe them (the API types are generated from every plugin, enabled or not).
   */
  async register(plugins: LoadedPlugin[]) {
    this.#plugins = plugins
    /* every plugin's permissions first: an agent type's abilities may name those of a plugin it uses */
    for (const { definition } of plugins) {
      await this.#as(definition.name, 'register', () => {
        this.tables.roleTable.define(definition.name, definition.permissions ?? [])
        this.tables.taskLinks.define(definition.name, definition.taskLinks ?? [])
        for (const pattern of definition.records ?? []) {
          this.#recorded.push({ plugin: definition.name, pattern })
        }
      })
    }
    for (const plugin of plugins) {
      const { definition } = plugin
      await this.#as(definition.name, 'register', async (api) => {
        for (const type of definition.agentTypes ?? []) api.registerAgentType(type)
        for (const [name, policy] of Object.entries(definition.policies ?? {})) {
          api.registerPolicy(name, policy)
        }
        await definition.register?.(api)
      })
    }
  }

  async boot() {
    for (const plugin of this.#plugins) {
      if (plugin.definition.boot) {
        await this.#as(plugin.definition.name, 'boot', (api) => plugin.definition.boot!(api))
      }
    }
    this.#booted = true
  }

  /** Mounts every plugin's routes under /api. */
  async mountRoutes(router: HttpRouterService, middleware: PluginRouteContext['middleware']) {
    for (const { definition } of this.#plugins) {
      if (!definition.routes) continue
      await this.#as(definition.name, 'register its routes', async () => {
        const group = router.group(() => definition.routes!({ router, middleware }))
        group.prefix('/api')
      })
    }
  }

  agentTypes(): AgentTypeDefinition[] {
    return [...this.#agentTypes.values()].map(({ plugin: _plugin, ...type }) => type)
  }

  agentType(name: string): RegisteredAgentType | undefined {
    return this.#agentTypes.get(name)
  }

  /** The validator of `metadata.settings` for agents of this type, when it declares one. */
  settingsValidator(agentType: string): ObjectValidator | undefined {
    return this.#settingsValidators.get(agentType)
  }

  /** A declared event type, by name, whichever agent type declares it. */
  eventType(type: string): RegisteredEventType | undefined {
    return this.#eventTypes.get(type)
  }

  /** The plugin that records this event type itself (`records` in plugin.ts), if one does. */
  recorderOf(eventType: string): string | undefined {
    return this.#recorded.find(({ pattern }) => matchesRecordedType(pattern, eventType))?.plugin
  }

  /** The event types an agent type declares, in declaration order. */
  eventTypesOf(agentType: string): RegisteredEventType[] {
    return (this.#agentTypes.get(agentType)?.events ?? []).map((event) =>
      this.#eventTypes.get(event.type)!
    )
  }

  /** The registered policies; the object is replaced, never changed, when one is added. */
  policies(): Readonly<Record<string, LazyImport<typeof BasePolicy>>> {
    return this.#policies
  }

  /** Every registered timeline source, with the plugin that registered it (for error messages). */
  timelineSources(): readonly { plugin: string; source: TimelineSource }[] {
    return this.#timelineSources
  }

  seeders(): { plugin: string; load: LazyImport<PluginSeeder> }[] {
    return this.#plugins.flatMap(({ definition }) =>
      (definition.seeders ?? []).map((load) => ({ plugin: definition.name, load }))
    )
  }

  /** Every enabled plugin's OpenAPI contribution (`openapi` in plugin.ts), in plugin order. */
  openApiSources(): { plugin: string; load: LazyImport<OpenApiContribution> }[] {
    return this.#plugins.flatMap(({ definition }) =>
      definition.openapi ? [{ plugin: definition.name, load: definition.openapi }] : []
    )
  }

  /** Every enabled plugin's notification kinds, in plugin order. */
  notificationKinds(): NotificationKind[] {
    return this.#plugins.flatMap(({ definition }) => definition.notifications ?? [])
  }

  /** Every enabled plugin's part of GET /api/summary (`summary` in plugin.ts), in plugin order. */
  summarySources(): { plugin: string; load: LazyImport<SummarySource> }[] {
    return this.#plugins.flatMap(({ definition }) =>
      definition.summary ? [{ plugin: definition.name, load: definition.summary }] : []
    )
  }

  /** Every enabled plugin's MCP tools and resources (`mcp` in plugin.ts), in plugin order. */
  mcpSources(): { plugin: string; load: LazyImport<McpContribution> }[] {
    return this.#plugins.flatMap(({ definition }) =>
      definition.mcp ? [{ plugin: definition.name, load: definition.mcp }] : []
    )
  }

  /** Checks the declaration, then compiles its schemas once; nothing is kept when a check fails. */
  #registerAgentType(plugin: string, declared: AgentTypeDefinition) {
    assertAgentType(declared)
    const type = { ...declared, abilities: this.#abilities(plugin, declared) }
    const existing = this.#agentTypes.get(type.name)
    if (existing) {
      throw new Error(`agent type "${type.name}" is already registered by "${existing.plugin}"`)
    }
    for (const event of type.events ?? []) {
      const recorder = this.recorderOf(event.type)
      if (recorder) {
        throw new Error(
          `event type "${event.type}" of agent type "${type.name}" is recorded by plugin "${recorder}" itself, so no agent may post it`
        )
      }
      const owner = this.#eventTypes.get(event.type)
      if (owner) {
        throw new Error(
          `event type "${event.type}" of agent type "${type.name}" is already declared by agent type "${owner.agentType}" (plugin "${owner.plugin}")`
        )
      }
    }
    const events = (type.events ?? []).map((event): RegisteredEventType => ({
      type: event.type,
      description: event.description,
      agentType: type.name,
      plugin,
      validator: event.payload ? vine.create(event.payload) : undefined,
    }))
    const settings = type.settings ? vine.create(type.settings) : undefined

    this.#agentTypes.set(type.name, { ...type, plugin })
    if (settings) this.#settingsValidators.set(type.name, settings)
    for (const event of events) this.#eventTypes.set(event.type, event)
  }

  /**
   * The declared abilities an agent may be given: permissions the role table
   * lets agents hold. One of a plugin this one `uses` that is not enabled is
   * left out; any other unknown ability fails the registration.
   */
  #abilities(plugin: string, type: AgentTypeDefinition): string[] | undefined {
    if (type.abilities === undefined) return undefined
    const grantable = this.tables.roleTable.permissionsOf('agent')
    const uses = this.#plugins.find((p) => p.definition.name === plugin)?.definition.uses ?? []
    const enabled = new Set(this.#plugins.map((p) => p.definition.name))
    return type.abilities.filter((ability) => {
      if (grantable.includes(ability)) return true
      const area = ability.split('.')[0]
      if (uses.includes(area) && !enabled.has(area)) return false
      throw new TypeError(
        `agent type "${type.name}": unknown ability ${JSON.stringify(ability)}; agents may be given ${grantable.join(', ')}`
      )
    })
  }

  async #as(plugin: string, phase: string, run: (api: PluginHostApi) => unknown) {
    const api: PluginHostApi = {
      app: this.app,
      registerAgentType: (type) => this.#registerAgentType(plugin, type),
      registerPolicy: (name, policy) => {
        const owner = this.#policyOwners.get(name)
        if (owner) throw new Error(`policy "${name}" is already registered by "${owner}"`)
        this.#policyOwners.set(name, plugin)
        // a new object: whoever kept the previous one (the bouncer middleware) sees the change
        this.#policies = { ...this.#policies, [name]: policy }
      },
      agentTypes: () => this.agentTypes(),
      registerTimelineSource: (source) => {
        if (typeof source !== 'function')
          throw new TypeError('a timeline source must be a function')
        this.#timelineSources.push({ plugin, source })
      },
    }
    try {
      await run(api)
    } catch (error) {
      if (error instanceof PluginError) throw error
      throw new PluginError(plugin, phase, error)
    }
  }
}
