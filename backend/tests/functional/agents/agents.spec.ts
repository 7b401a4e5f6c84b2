import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Agent from '#models/agent'
import { ACTORS, call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { needs } from '#tests/helpers/plugins'

test.group('Agents: the role table for every route', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.teardown(async () => {
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
  })

  test('read: list, get and controls for every role and agents', async ({ assert }) => {
    for (const name of ACTORS) {
      const expected = name === 'anonymous' ? 401 : 200
      assert.equal((await call(actors.tokens[name], 'GET', '/api/agents')).status, expected, name)
      assert.equal(
        (await call(actors.tokens[name], 'GET', `/api/agents/${actors.agent.id}`)).status,
        expected,
        name
      )
      assert.equal(
        (await call(actors.tokens[name], 'GET', '/api/system/controls')).status,
        expected,
        name
      )
    }
  })

  needs(
    test('create, pause, resume, kill, global pause and resume: admin only', async ({ assert }) => {
      for (const name of ACTORS) {
        const expected = name === 'admin' ? 'ok' : name === 'anonymous' ? 401 : 403
        const target = await makeAgent()
        const create = await call(actors.tokens[name], 'POST', '/api/agents', {
          name: `made-by-${name}-${Date.now()}`,
          type: 'orchestrator',
        })
        assert.equal(create.status, expected === 'ok' ? 201 : expected, `create ${name}`)
        for (const action of ['pause', 'resume', 'kill']) {
          const response = await call(
            actors.tokens[name],
            'POST',
            `/api/agents/${target.id}/${action}`
          )
          assert.equal(response.status, expected === 'ok' ? 200 : expected, `${action} ${name}`)
        }
        for (const action of ['pause', 'resume']) {
          const response = await call(actors.tokens[name], 'POST', `/api/system/${action}`)
          assert.equal(
            response.status,
            expected === 'ok' ? 200 : expected,
            `system ${action} ${name}`
          )
        }
      }
    }),
    'orchestrator'
  )

  test('me and heartbeat: agents only', async ({ assert }) => {
    for (const name of ACTORS) {
      const expected = name === 'agent' ? 200 : name === 'anonymous' ? 401 : 403
      assert.equal(
        (await call(actors.tokens[name], 'GET', '/api/agents/me')).status,
        expected,
        name
      )
      const beat = await call(actors.tokens[name], 'POST', '/api/agents/me/heartbeat', {
        status: 'idle',
      })
      assert.equal(beat.status, expected, name)
    }
  })
})

test.group('Agents: lifecycle', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.teardown(async () => {
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
  })

  needs(
    test('an admin creates an agent of a known type; unknown types and taken names answer 422', async ({
      assert,
    }) => {
      const name = `lead-finder-${Date.now()}`
      const created = await call(actors.tokens.admin, 'POST', '/api/agents', {
        name,
        type: 'orchestrator',
      })
      assert.equal(created.status, 201)
      assert.deepInclude(created.body, {
        name,
        type: 'orchestrator',
        status: 'idle',
        current_task_id: null,
        stale: true,
      })

      const unknown = await call(actors.tokens.admin, 'POST', '/api/agents', {
        name: `x-${Date.now()}`,
        type: 'time_traveller',
      })
      assert.equal(unknown.status, 422)
      assert.equal(unknown.body.errors[0].field, 'type')
      assert.match(unknown.body.errors[0].message, /orchestrator/)

      const taken = await call(actors.tokens.admin, 'POST', '/api/agents', {
        name,
        type: 'orchestrator',
      })
      assert.equal(taken.status, 422)
      assert.equal(taken.body.errors[0].field, 'name')
    }),
    'orchestrator'
  )

  test('heartbeat keeps an agent fresh, sets its status and current task, and is recorded only on change', async ({
    assert,
  }) => {
    const agent = await makeAgent()
    const token = (await Agent.accessTokens.create(agent)).value!.release()
    await Agent.query()
      .where('id', agent.id)
      .update({ last_update_at: DateTime.now().minus({ hours: 1 }).toSQL() })
    assert.isTrue((await call(token, 'GET', '/api/agents/me')).body.stale)

    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'beat' })
    const beat = await call(token, 'POST', '/api/agents/me/heartbeat', {
      status: 'running',
      current_task_id: task.body.id,
      message: 'on it',
    })
    assert.equal(beat.status, 200)
    assert.deepInclude(beat.body, {
      status: 'running',
      current_task_id: task.body.id,
      stale: false,
    })
    assert.deepEqual(beat.body.controls, { paused: false, reason: null })

    const recorded = await db
      .from('task_events')
      .where({ agent_id: agent.id, event_type: 'agent.heartbeat' })
      .count('* as n')
    await call(token, 'POST', '/api/agents/me/heartbeat', { status: 'running' })
    const after = await db
      .from('task_events')
      .where({ agent_id: agent.id, event_type: 'agent.heartbeat' })
      .count('* as n')
    assert.equal(after[0].n, recorded[0].n)

    const invalid = await call(token, 'POST', '/api/agents/me/heartbeat', { status: 'paused' })
    assert.equal(invalid.status, 422)
    const missingTask = await call(token, 'POST', '/api/agents/me/heartbeat', {
      status: 'running',
      current_task_id: '00000000-0000-4000-8000-000000000000',
    })
    assert.equal(missingTask.status, 422)
  })

  test('pause, kill and resume change the status and what the agent is told', async ({
    assert,
  }) => {
    const agent = await makeAgent()
    const token = (await Agent.accessTokens.create(agent)).value!.release()

    const paused = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/pause`, {
      reason: 'checking output',
    })
    assert.equal(paused.body.status, 'paused')
    const me = await call(token, 'GET', '/api/agents/me')
    assert.isTrue(me.body.controls.paused)
    assert.match(me.body.controls.reason, /paused/)

    const killed = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/kill`)
    assert.equal(killed.body.status, 'blocked')
    const pauseKilled = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/pause`)
    assert.equal(pauseKilled.status, 409)

    const resumed = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/resume`)
    assert.equal(resumed.body.status, 'idle')
    assert.isFalse((await call(token, 'GET', '/api/agents/me')).body.controls.paused)
    const again = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/resume`)
    assert.equal(again.status, 409)

    const actions = await db
      .from('audit_log')
      .where({ resource_type: 'agents', resource_id: agent.id })
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      actions.map((a) => a.action),
      ['agent.paused', 'agent.killed', 'agent.resumed']
    )
  })

  test('the global pause is stored, shown to everyone, and lifted', async ({ assert }) => {
    const on = await call(actors.tokens.admin, 'POST', '/api/system/pause', {
      reason: 'quarterly review',
    })
    assert.equal(on.status, 200)
    assert.deepInclude(on.body.global_pause, {
      paused: true,
      reason: 'quarterly review',
      updated_by: actors.users.admin.id,
    })

    const seen = await call(actors.tokens.viewer, 'GET', '/api/system/controls')
    assert.isTrue(seen.body.global_pause.paused)
    const me = await call(actors.tokens.agent, 'GET', '/api/agents/me')
    assert.deepEqual(me.body.controls, { paused: true, reason: 'quarterly review' })

    const off = await call(actors.tokens.admin, 'POST', '/api/system/resume')
    assert.deepInclude(off.body.global_pause, { paused: false, reason: null })
    const audit = await db
      .from('audit_log')
      .where('resource_type', 'system_controls')
      .orderBy('id', 'desc')
      .limit(2)
    assert.deepEqual(
      audit.map((a) => a.action),
      ['system.resumed', 'system.paused']
    )
  })
})
