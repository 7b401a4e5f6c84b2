/**
 * The running set of plugins: what they registered (agent types, policies,
 * seeders) and the lifecycle that calls them, register then boot, in
 * dependency order.
 */
import type { ApplicationService, HttpRouterService } from '@adonisjs/core/types'
import type { BasePolicy } from '@adonisjs/bouncer'
import {
  assertAgentType,
  type AgentTypeDefinition,
  type LazyImport,
  type PluginHostApi,
  type PluginRouteContext,
  type PluginSeeder,
  type TimelineSource,
} from './define_plugin.js'
import type { LoadedPlugin } from './discovery.js'
import { PluginError } from './plugin_error.js'

export class PluginHost {
  #plugins: LoadedPlugin[] = []
  #agentTypes = new Map<string, AgentTypeDefinition & { plugin: string }>()
  #policies: Record<string, LazyImport<typeof BasePolicy>> = {}
  #policyOwners = new Map<string, string>()
  #timelineSources: { plugin: string; source: TimelineSource }[] = []
  #booted = false

  constructor(readonly app: ApplicationService) {}

  get plugins(): readonly LoadedPlugin[] {
    return this.#plugins
  }

  get booted() {
    return this.#booted
  }

  /** Registers every plugin's declarations and register hook, then runs every boot hook. */
  async start(plugins: LoadedPlugin[]) {
    this.#plugins = plugins
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
    for (const plugin of plugins) {
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

  agentType(name: string) {
    return this.#agentTypes.get(name)
  }

  policies() {
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

  async #as(plugin: string, phase: string, run: (api: PluginHostApi) => unknown) {
    const api: PluginHostApi = {
      app: this.app,
      registerAgentType: (type) => {
        assertAgentType(type)
        const existing = this.#agentTypes.get(type.name)
        if (existing) {
          throw new Error(`agent type "${type.name}" is already registered by "${existing.plugin}"`)
        }
        this.#agentTypes.set(type.name, { ...type, plugin })
      },
      registerPolicy: (name, policy) => {
        const owner = this.#policyOwners.get(name)
        if (owner) throw new Error(`policy "${name}" is already registered by "${owner}"`)
        this.#policyOwners.set(name, plugin)
        this.#policies[name] = policy
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
