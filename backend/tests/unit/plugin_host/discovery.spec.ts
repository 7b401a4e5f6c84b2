import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'
import { definePlugin } from '#plugin_host/define_plugin'
import {
  discoverPlugins,
  enabledFromEnv,
  orderByDependencies,
  pluginMigrationPaths,
  type LoadedPlugin,
} from '#plugin_host/discovery'
import { PluginError } from '#plugin_host/plugin_error'
import { needs } from '#tests/helpers/plugins'

const fixtures = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/plugins/${name}`, import.meta.url))

const names = (plugins: LoadedPlugin[]) => plugins.map((plugin) => plugin.definition.name)

/** Runs discovery and returns the PluginError it must fail with. */
async function discoveryError(root: string, enabled?: string[]) {
  try {
    await discoverPlugins({ root, enabled })
  } catch (error) {
    if (error instanceof PluginError) return error
    throw error
  }
  throw new Error(`discovery of ${root} was expected to fail`)
}

function loaded(name: string, dependsOn?: string[]): LoadedPlugin {
  return { folder: name, path: `/nowhere/${name}`, definition: definePlugin({ name, dependsOn }) }
}

test.group('plugin discovery', () => {
  test('finds every folder with a plugin.ts, dependencies first', async ({ assert }) => {
    const plugins = await discoverPlugins({ root: fixtures('healthy') })

    /* alphabetical would be alpha, beta, gamma; alpha needs gamma, gamma needs beta */
    assert.deepEqual(names(plugins), ['beta', 'gamma', 'alpha'])
    assert.deepEqual(
      plugins.map((plugin) => plugin.folder),
      ['beta', 'gamma', 'alpha']
    )
    assert.equal(plugins[0].path, fixtures('healthy/beta'))
    assert.equal(plugins[0].definition.label, 'Beta')
  })

  test('a root that does not exist means no plugins', async ({ assert }) => {
    assert.deepEqual(await discoverPlugins({ root: fixtures('does_not_exist') }), [])
  })

  test('the enabled list (PLUGINS) limits the plugins', async ({ assert }) => {
    const plugins = await discoverPlugins({ root: fixtures('healthy'), enabled: ['gamma', 'beta'] })
    assert.deepEqual(names(plugins), ['beta', 'gamma'])
  })

  test('an enabled name without a folder names the plugin', async ({ assert }) => {
    const error = await discoveryError(fixtures('healthy'), ['beta', 'missing'])
    assert.equal(error.plugin, 'missing')
    assert.equal(error.phase, 'load')
    assert.equal(
      error.message,
      'Plugin "missing" failed to load: PLUGINS lists it but plugins/missing/plugin.ts does not exist'
    )
  })

  test('an enabled folder without plugin.ts names the folder', async ({ assert }) => {
    const error = await discoveryError(fixtures('healthy'), ['notes'])
    assert.match(error.message, /^Plugin "notes" failed to load: PLUGINS lists it/)
  })

  test('a dependency that is not enabled names the plugin that needs it', async ({ assert }) => {
    const error = await discoveryError(fixtures('healthy'), ['alpha', 'beta'])
    assert.equal(error.plugin, 'alpha')
    assert.equal(
      error.message,
      'Plugin "alpha" failed to load: it depends on "gamma", which is not enabled'
    )
  })

  test('a dependency cycle names the plugin and the chain', async ({ assert }) => {
    const error = await discoveryError(fixtures('cycle'))
    assert.equal(error.plugin, 'one')
    assert.equal(
      error.message,
      'Plugin "one" failed to load: circular dependency one -> two -> one'
    )
  })

  test('PLUGINS: unset, empty or * enables every folder; none enables none; otherwise a trimmed list', ({
    assert,
  }) => {
    assert.isUndefined(enabledFromEnv(''))
    assert.deepEqual(enabledFromEnv('none'), [])
    assert.deepEqual(enabledFromEnv(' none '), [])
    assert.isUndefined(enabledFromEnv('  '))
    assert.isUndefined(enabledFromEnv('*'))
    assert.deepEqual(enabledFromEnv(' leads , drafts,,'), ['leads', 'drafts'])
  })
})

test.group('plugin discovery: dependency order', () => {
  test('keeps the given order when nothing depends on anything', ({ assert }) => {
    assert.deepEqual(names(orderByDependencies([loaded('b'), loaded('a'), loaded('c')])), [
      'b',
      'a',
      'c',
    ])
  })

  test('puts every dependency before its dependents, once', ({ assert }) => {
    const ordered = orderByDependencies([
      loaded('reports', ['drafts', 'leads']),
      loaded('drafts', ['leads']),
      loaded('leads'),
    ])
    assert.deepEqual(names(ordered), ['leads', 'drafts', 'reports'])
  })

  test('a missing dependency names the plugin', ({ assert }) => {
    assert.throws(
      () => orderByDependencies([loaded('leads'), loaded('drafts', ['leads', 'crm'])]),
      'Plugin "drafts" failed to load: it depends on "crm", which is not enabled'
    )
  })

  test('a longer cycle names every plugin on it', ({ assert }) => {
    assert.throws(
      () => orderByDependencies([loaded('a', ['b']), loaded('b', ['c']), loaded('c', ['a'])]),
      'Plugin "a" failed to load: circular dependency a -> b -> c -> a'
    )
  })

  test('a plugin that depends on itself is a cycle', ({ assert }) => {
    assert.throws(
      () => orderByDependencies([loaded('a', ['a'])]),
      'Plugin "a" failed to load: circular dependency a -> a'
    )
  })
})

test.group('plugin discovery: broken plugins', () => {
  const broken = fixtures('broken')

  test('a plugin.ts that throws while imported', async ({ assert }) => {
    const error = await discoveryError(broken, ['throws_at_import'])
    assert.equal(error.plugin, 'throws_at_import')
    assert.equal(error.message, 'Plugin "throws_at_import" failed to load: cannot reach the CRM')
    assert.instanceOf(error.cause, Error)
  })

  test('a plugin.ts that default-exports a plain object', async ({ assert }) => {
    const error = await discoveryError(broken, ['plain_object'])
    assert.equal(
      error.message,
      'Plugin "plain_object" failed to load: plugin.ts must default-export definePlugin({...})'
    )
  })

  test('a plugin.ts without a default export', async ({ assert }) => {
    const error = await discoveryError(broken, ['no_default'])
    assert.equal(
      error.message,
      'Plugin "no_default" failed to load: plugin.ts must default-export definePlugin({...})'
    )
  })

  test('a plugin whose name differs from its folder', async ({ assert }) => {
    const error = await discoveryError(broken, ['wrong_name'])
    assert.equal(
      error.message,
      'Plugin "wrong_name" failed to load: its name "renamed_plugin" differs from its folder'
    )
  })

  test('a definition definePlugin refuses', async ({ assert }) => {
    const error = await discoveryError(broken, ['invalid_definition'])
    assert.equal(
      error.message,
      'Plugin "invalid_definition" failed to load: plugin name must be snake_case (a-z, 0-9, _), got "Invalid-Definition"'
    )
  })

  test('without an enabled list, the first broken folder stops discovery', async ({ assert }) => {
    const error = await discoveryError(broken)
    assert.equal(error.plugin, 'invalid_definition')
  })

  test('the app refuses to boot and the message names the plugin', async ({ assert }) => {
    /*
     * A real boot in a child process: PLUGINS lists a folder that does not
     * exist. list:routes boots the app (config, providers, routes) and talks
     * to no database, so the URL only has to be well-formed.
     */
    const run = promisify(execFile)
    const error = await run(process.execPath, ['ace', 'list:routes', '--no-ansi'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
        PLUGINS: 'leads,no_such_plugin',
      },
    }).then(
      () => null,
      (failure) => failure as { code: number; stdout: string; stderr: string }
    )

    assert.isNotNull(error, 'the boot was expected to fail')
    assert.equal(error!.code, 1)
    /* the pretty printer wraps words onto separate lines */
    const output = `${error!.stdout}\n${error!.stderr}`.replace(/\s+/g, ' ')
    assert.include(
      output,
      'Plugin "no_such_plugin" failed to load: PLUGINS lists it but plugins/no_such_plugin/plugin.ts does not exist'
    )
  }).timeout(60_000)
})

test.group('plugin discovery: the app', () => {
  test('discovers leads, drafts and orchestrator, drafts after leads', async ({ assert }) => {
    const plugins = names(await discoverPlugins())
    assert.includeMembers(plugins, ['leads', 'drafts', 'orchestrator'])
    assert.isBelow(plugins.indexOf('leads'), plugins.indexOf('drafts'))
  })

  needs(
    test('migration folders follow the dependency order', async ({ assert }) => {
      const paths = await pluginMigrationPaths()
      const leads = paths.indexOf('./plugins/leads/database/migrations')
      const drafts = paths.indexOf('./plugins/drafts/database/migrations')
      assert.isAtLeast(leads, 0)
      assert.isBelow(leads, drafts)
    }),
    'leads',
    'drafts'
  )
})
