import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { groupNeeds } from '#tests/helpers/plugins'
import { agentWriteRoutes, SAMPLE_UUID, STILL_ALLOWED } from '#tests/helpers/agent_writes'

async function historySize() {
  const [events] = await db.from('task_events').max('id as max')
  const [audit] = await db.from('audit_log').max('id as max')
  return { events: events.max, audit: audit.max }
}

test.group('Pause: a paused agent gets 423 on every write and nothing is written', (group) => {
  groupNeeds(group, 'orchestrator')
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.teardown(async () => {
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
    await db.from('agents').where('id', actors.agent.id).update({ status: 'idle' })
  })

  const scenarios: [string, (a: Actors) => Promise<unknown>][] = [
    [
      'the agent itself is paused',
      (a) => call(a.tokens.admin, 'POST', `/api/agents/${a.agent.id}/pause`),
    ],
    ['the agent was killed', (a) => call(a.tokens.admin, 'POST', `/api/agents/${a.agent.id}/kill`)],
    [
      'the global pause is on',
      (a) => call(a.tokens.admin, 'POST', '/api/system/pause', { reason: 'stop' }),
    ],
  ]

  for (const [label, pause] of scenarios) {
    test(`when ${label}`, async ({ assert }) => {
      const task = await call(actors.tokens.agent, 'POST', '/api/tasks', {
        title: 'before the pause',
      })
      assert.equal(task.status, 201)
      await pause(actors)
      const before = await historySize()

      const routes = agentWriteRoutes()
      assert.isAbove(routes.length, 5)
      for (const route of routes) {
        const url = route.url.replace(SAMPLE_UUID, task.body.id)
        const response = await call(actors.tokens.agent, route.method, url, {
          title: 'x',
          column: 'doing',
          status: 'idle',
        })
        const context = `${route.method} ${route.pattern} -> ${response.status}`
        if (STILL_ALLOWED.has(route.pattern)) {
          assert.notEqual(response.status, 423, context)
        } else {
          assert.equal(response.status, 423, context)
          assert.equal(response.body.errors[0].code, 'E_AGENT_PAUSED', context)
        }
      }

      assert.deepEqual(await historySize(), before)
      const stored = await db.from('tasks').where('id', task.body.id).firstOrFail()
      assert.equal(stored.column, 'backlog')
      assert.equal(stored.title, 'before the pause')

      const beat = await call(actors.tokens.agent, 'POST', '/api/agents/me/heartbeat', {
        status: 'running',
      })
      assert.equal(beat.status, 200)
      assert.isTrue(beat.body.controls.paused)
      assert.deepEqual(await historySize(), before, 'a heartbeat while paused records nothing')
      assert.equal((await call(actors.tokens.agent, 'GET', '/api/tasks')).status, 200)
    })
  }

  test('people are not affected by the pause', async ({ assert }) => {
    await call(actors.tokens.admin, 'POST', '/api/system/pause')
    const created = await call(actors.tokens.operator, 'POST', '/api/tasks', {
      title: 'human work',
    })
    assert.equal(created.status, 201)
  })

  test('after resume the agent writes again', async ({ assert }) => {
    await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/pause`)
    assert.equal(
      (await call(actors.tokens.agent, 'POST', '/api/tasks', { title: 'no' })).status,
      423
    )
    await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/resume`)
    assert.equal(
      (await call(actors.tokens.agent, 'POST', '/api/tasks', { title: 'yes' })).status,
      201
    )
  })
})
