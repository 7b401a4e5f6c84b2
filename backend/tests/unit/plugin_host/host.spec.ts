import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import type { HttpRouterService } from '@adonisjs/core/types'
import { definePlugin, type PluginDefinition } from '#plugin_host/define_plugin'
import { orderByDependencies, type LoadedPlugin } from '#plugin_host/discovery'
import { PluginHost } from '#plugin_host/host'
import { PluginError } from '#plugin_host/plugin_error'
import { needs } from '#tests/helpers/plugins'

function loaded(definition: PluginDefinition): LoadedPlugin {
  return {
    folder: definition.name,
    path: `/nowhere/${definition.name}`,
    definition: definePlugin(definition),
  }
}

/** Starts a host and returns the PluginError it must fail with. */
async function startError(host: PluginHost, plugins: LoadedPlugin[]) {
  try {
    await host.start(plugins)
  } catch (error) {
    if (error instanceof PluginError) return error
    throw error
  }
  throw new Error('start was expected to fail')
}

const policy = () => import('#policies/user_policy')

test.group('plugin host lifecycle', () => {
  test('runs every register hook, in dependency order, before any boot hook', async ({
    assert,
  }) => {
    const calls: string[] = []
    const plugin = (name: string, dependsOn?: string[]) =>
      loaded({
        name,
        dependsOn,
        register: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1))
          calls.push(`register ${name}`)
        },
        boot: () => {
          calls.push(`boot ${name}`)
        },
      })

    const host = new PluginHost(app)
    await host.start(
      orderByDependencies([
        plugin('reports', ['drafts']),
        plugin('drafts', ['leads']),
        plugin('leads'),
      ])
    )

    assert.deepEqual(calls, [
      'register leads',
      'register drafts',
      'register reports',
      'boot leads',
      'boot drafts',
      'boot reports',
    ])
    assert.isTrue(host.booted)
    assert.deepEqual(
      host.plugins.map((p) => p.definition.name),
      ['leads', 'drafts', 'reports']
    )
  })

  test('hooks get the app and see the agent types registered so far', async ({ assert }) => {
    const seen: Record<string, string[]> = {}
    const host = new PluginHost(app)
    await host.start([
      loaded({
        name: 'first',
        agentTypes: [{ name: 'scout', label: 'Scout' }],
        register: (api) => {
          assert.strictEqual(api.app, app)
          seen['register first'] = api.agentTypes().map((type) => type.name)
        },
        boot: (api) => {
          seen['boot first'] = api.agentTypes().map((type) => type.name)
        },
      }),
      loaded({
        name: 'second',
        register: (api) => api.registerAgentType({ name: 'writer', label: 'Writer' }),
      }),
    ])

    /* declarations are registered before the plugin's own register hook */
    assert.deepEqual(seen['register first'], ['scout'])
    /* boot hooks run once every plugin is registered */
    assert.deepEqual(seen['boot first'], ['scout', 'writer'])
  })

  needs(
    test('collects agent types, policies and seeders', async ({ assert }) => {
      const seeder = async () => ({ default: async () => {} })
      const host = new PluginHost(app)
      await host.start([
        loaded({
          name: 'leads',
          agentTypes: [{ name: 'lead_finder', label: 'Lead finder', abilities: ['leads.write'] }],
          policies: { LeadPolicy: policy },
          seeders: [seeder],
        }),
        loaded({
          name: 'drafts',
          register: (api) => api.registerPolicy('DraftPolicy', policy),
          seeders: [seeder, seeder],
        }),
      ])

      assert.deepEqual(host.agentTypes(), [
        { name: 'lead_finder', label: 'Lead finder', abilities: ['leads.write'] },
      ])
      assert.equal(host.agentType('lead_finder')?.plugin, 'leads')
      assert.isUndefined(host.agentType('nobody'))
      assert.deepEqual(Object.keys(host.policies()), ['LeadPolicy', 'DraftPolicy'])
      assert.deepEqual(
        host.seeders().map((entry) => entry.plugin),
        ['leads', 'drafts', 'drafts']
      )
    }),
    'leads'
  )
})

test.group('plugin host failures', () => {
  test('a throwing register hook names the plugin and stops before any boot', async ({
    assert,
  }) => {
    const calls: string[] = []
    const error = await startError(new PluginHost(app), [
      loaded({ name: 'leads', boot: () => void calls.push('boot leads') }),
      loaded({
        name: 'drafts',
        register: () => {
          throw new Error('no database')
        },
      }),
      loaded({ name: 'reports', register: () => void calls.push('register reports') }),
    ])

    assert.equal(error.message, 'Plugin "drafts" failed to register: no database')
    assert.equal(error.plugin, 'drafts')
    assert.equal(error.phase, 'register')
    assert.instanceOf(error.cause, Error)
    assert.deepEqual(calls, [])
  })

  test('a rejecting boot hook names the plugin and the phase', async ({ assert }) => {
    const host = new PluginHost(app)
    const error = await startError(host, [
      loaded({ name: 'leads' }),
      loaded({
        name: 'drafts',
        boot: async () => {
          throw new Error('queue unreachable')
        },
      }),
    ])

    assert.equal(error.message, 'Plugin "drafts" failed to boot: queue unreachable')
    assert.equal(error.phase, 'boot')
    assert.isFalse(host.booted)
  })

  test('a thrown non-error is reported as text', async ({ assert }) => {
    const error = await startError(new PluginHost(app), [
      loaded({
        name: 'leads',
        register: () => {
          throw 'just a string'
        },
      }),
    ])
    assert.equal(error.message, 'Plugin "leads" failed to register: just a string')
  })

  test('a duplicate agent type names both plugins', async ({ assert }) => {
    const error = await startError(new PluginHost(app), [
      loaded({ name: 'leads', agentTypes: [{ name: 'scout', label: 'Scout' }] }),
      loaded({ name: 'drafts', agentTypes: [{ name: 'scout', label: 'Another scout' }] }),
    ])

    assert.equal(
      error.message,
      'Plugin "drafts" failed to register: agent type "scout" is already registered by "leads"'
    )
  })

  test('a duplicate agent type from a register hook names both plugins', async ({ assert }) => {
    const error = await startError(new PluginHost(app), [
      loaded({ name: 'leads', agentTypes: [{ name: 'scout', label: 'Scout' }] }),
      loaded({
        name: 'drafts',
        register: (api) => api.registerAgentType({ name: 'scout', label: 'Scout again' }),
      }),
    ])

    assert.equal(
      error.message,
      'Plugin "drafts" failed to register: agent type "scout" is already registered by "leads"'
    )
  })

  test('an invalid agent type from a register hook is refused', async ({ assert }) => {
    const error = await startError(new PluginHost(app), [
      loaded({
        name: 'leads',
        register: (api) => api.registerAgentType({ name: 'Lead Finder', label: 'Lead finder' }),
      }),
    ])

    assert.equal(
      error.message,
      'Plugin "leads" failed to register: agent type "Lead Finder" needs a snake_case name and a label'
    )
  })

  test('a duplicate policy name names both plugins', async ({ assert }) => {
    const error = await startError(new PluginHost(app), [
      loaded({ name: 'leads', policies: { SharedPolicy: policy } }),
      loaded({ name: 'drafts', policies: { SharedPolicy: policy } }),
    ])

    assert.equal(
      error.message,
      'Plugin "drafts" failed to register: policy "SharedPolicy" is already registered by "leads"'
    )
  })

  test('a throwing routes function names the plugin', async ({ assert }) => {
    const host = new PluginHost(app)
    await host.start([
      loaded({
        name: 'leads',
        routes: () => {
          throw new Error('bad pattern')
        },
      }),
    ])

    /* a stand-in for the router: group() runs the callback like the real one */
    const router = {
      group: (callback: () => void) => {
        callback()
        return { prefix: () => {} }
      },
    } as unknown as HttpRouterService

    await assert.rejects(
      () => host.mountRoutes(router, {} as any),
      'Plugin "leads" failed to register its routes: bad pattern'
    )
  })
})

test.group('definePlugin', () => {
  test('refuses a name that is not snake_case', ({ assert }) => {
    assert.throws(
      () => definePlugin({ name: 'Leads' }),
      'plugin name must be snake_case (a-z, 0-9, _), got "Leads"'
    )
  })

  test('refuses hooks that are not functions', ({ assert }) => {
    assert.throws(
      () => definePlugin({ name: 'leads', boot: 'later' as any }),
      '"boot" must be a function'
    )
  })

  test('refuses an agent type without a label', ({ assert }) => {
    assert.throws(
      () => definePlugin({ name: 'leads', agentTypes: [{ name: 'scout' } as any] }),
      'agent type "scout" needs a snake_case name and a label'
    )
  })

  test('returns a frozen, recognisable definition', ({ assert }) => {
    const plugin = definePlugin({ name: 'leads', label: 'Leads' })
    assert.isTrue(Object.isFrozen(plugin))
    assert.equal(plugin.label, 'Leads')
  })
})
