import { test } from '@japa/runner'
import pluginHost from '#services/plugin_host'
import { discoverPlugins } from '#plugin_host/discovery'
import User from '#models/user'
import { Role } from '#enums/roles'

const ORCHESTRATOR = {
  name: 'orchestrator',
  label: 'Orchestrator',
  description: 'Breaks a goal into tasks on the board, assigns them and emits progress events.',
  abilities: ['tasks.write', 'events.emit'],
}

test.group('orchestrator plugin', () => {
  test('is discovered and registers its agent type', async ({ assert }) => {
    const discovered = await discoverPlugins()
    assert.include(
      discovered.map((plugin) => plugin.folder),
      'orchestrator'
    )

    assert.include(
      pluginHost.plugins.map((plugin) => plugin.definition.name),
      'orchestrator'
    )
    assert.deepEqual(pluginHost.agentType('orchestrator'), {
      ...ORCHESTRATOR,
      plugin: 'orchestrator',
    })
  })

  test('GET /api/orchestrator/agent-types needs a login', async ({ client }) => {
    const response = await client.get('/api/orchestrator/agent-types')
    response.assertStatus(401)
  })

  test('GET /api/orchestrator/agent-types lists the registered agent types', async ({
    client,
    assert,
  }) => {
    const user = await User.create({
      email: 'orchestrator-viewer@example.com',
      password: 'a-long-enough-password',
      role: Role.Viewer,
      isActive: true,
    })

    const response = await client.get('/api/orchestrator/agent-types').loginAs(user)

    response.assertStatus(200)
    assert.deepEqual(response.body(), pluginHost.agentTypes())
    assert.deepInclude(response.body(), ORCHESTRATOR)
  })
})
