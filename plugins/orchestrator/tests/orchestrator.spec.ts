import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import pluginHost from '#plugin_host/running'
import { discoverPlugins } from '#plugin_host/discovery'
import { agentOfType, emit } from '#tests/helpers/agent_types'

test.group('orchestrator plugin', () => {
  test('is discovered and registers its agent type', async ({ assert }) => {
    const discovered = await discoverPlugins()
    assert.include(
      discovered.map((plugin) => plugin.folder),
      'orchestrator'
    )

    const type = pluginHost.agentType('orchestrator')!
    assert.equal(type.plugin, 'orchestrator')
    assert.equal(type.label, 'Orchestrator')
    assert.deepEqual(type.abilities, ['tasks.write', 'events.emit'])
    assert.deepEqual(
      pluginHost.eventTypesOf('orchestrator').map((event) => event.type),
      ['goal.planned', 'work.assigned']
    )
  })

  test('its agents report plans and assignments; payloads are checked', async ({ assert }) => {
    const { agent, token, abilities } = await agentOfType('orchestrator')
    assert.deepEqual(abilities, ['tasks.write', 'events.emit'])
    const taskIds = [randomUUID(), randomUUID()]

    const planned = await emit(token, 'goal.planned', { goal: 'bakeries', task_ids: taskIds })
    assert.equal(planned.status, 201)
    assert.deepInclude(planned.body.payload, { goal: 'bakeries', task_ids: taskIds })
    const assigned = await emit(token, 'work.assigned', {
      task_id: taskIds[0],
      agent_id: agent.id,
    })
    assert.equal(assigned.status, 201)

    const empty = await emit(token, 'goal.planned', { goal: 'bakeries', task_ids: [] })
    assert.equal(empty.status, 422)
    assert.equal(empty.body.errors[0].field, 'payload.task_ids')
    const notUuid = await emit(token, 'work.assigned', { task_id: 'x', agent_id: agent.id })
    assert.equal(notUuid.status, 422)
    assert.equal(notUuid.body.errors[0].field, 'payload.task_id')
  })
})
