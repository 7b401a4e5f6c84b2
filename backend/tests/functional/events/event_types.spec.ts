/**
 * GET /api/events/types: the event types there are, for filters: every
 * type recorded and every type an agent type declares.
 */
import { test } from '@japa/runner'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { describeAgentTypes } from '#services/agent_types'

test.group('Event types', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
    await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'types' })
  })

  test('recorded types and every declared type, with who declares them', async ({ assert }) => {
    const answer = await call(actors.tokens.viewer, 'GET', '/api/events/types')
    assert.equal(answer.status, 200)
    const types = answer.body as { type: string; declared_by: string[]; recorded: boolean }[]
    const byType = new Map(types.map((entry) => [entry.type, entry]))
    assert.isTrue(byType.get('task.created')?.recorded, 'a type the server wrote')
    assert.deepEqual(byType.get('task.created')?.declared_by, [])
    for (const agentType of describeAgentTypes()) {
      for (const event of agentType.events) {
        assert.include(byType.get(event.type)?.declared_by ?? [], agentType.name, event.type)
      }
    }
    assert.deepEqual(
      types.map((entry) => entry.type),
      [...types.map((entry) => entry.type)].sort((a, b) => a.localeCompare(b))
    )
    // nothing the feed would suggest that matches no event and no declaration
    assert.notInclude([...byType.keys()], 'draft.decided')
  })

  test('every reader may ask, an agent too; nobody else', async ({ assert }) => {
    for (const who of ['admin', 'operator', 'closer', 'viewer', 'agent'] as const) {
      assert.equal((await call(actors.tokens[who], 'GET', '/api/events/types')).status, 200, who)
    }
    assert.equal((await call(null, 'GET', '/api/events/types')).status, 401)
  })
})
