import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { EventSource } from 'eventsource'
import User from '#models/user'
import { Role } from '#enums/roles'
import { broadcastControl } from '#services/realtime'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { makeUser, PASSWORD } from '#tests/helpers/users'
import { BrowserSession } from '#tests/helpers/browser_session'
import { SseClient } from '#tests/helpers/sse_client'
import Agent from '#models/agent'
import { needs } from '#tests/helpers/plugins'

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

test.group('Realtime: SSE over Transmit', (group) => {
  let actors: Actors
  const clients: SseClient[] = []

  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.teardown(() => {
    for (const client of clients.splice(0)) client.close()
  })

  function connect(token: string) {
    const client = new SseClient(BASE(), { token })
    clients.push(client)
    return client
  }

  needs(
    test('an agent moves a task: the envelope reaches an `events` subscriber within a second', async ({
      assert,
    }) => {
      const admin = connect(actors.tokens.admin!)
      assert.equal((await admin.subscribe('events')).status, 204)
      assert.equal((await admin.subscribe('resources/tasks')).status, 204)

      const created = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Live card' })
      assert.equal(created.status, 201)
      const task = created.body

      const started = Date.now()
      const envelope = admin.waitFor(
        'events',
        (e) => e.type === 'task.moved' && e.entityId === task.id
      )
      const idsMessage = admin.waitFor('resources/tasks', (m) => m.type === 'updated')
      const moved = await call(actors.tokens.agent, 'PATCH', `/api/tasks/${task.id}`, {
        column: 'doing',
      })
      assert.equal(moved.status, 200)
      const received = await envelope
      assert.isNotNull(received, 'no envelope within a second')
      assert.isBelow(Date.now() - started, 1000)

      const event = await db
        .from('task_events')
        .where({ task_id: task.id, event_type: 'task.moved' })
        .firstOrFail()
      assert.deepEqual(received, {
        seq: Number(event.id),
        id: `evt_${event.id}`,
        type: 'task.moved',
        entityType: 'task',
        entityId: task.id,
        taskId: task.id,
        agent: actors.agent.name,
        actor: { type: 'agent', id: actors.agent.id },
        timestamp: new Date(event.created_at).toISOString(),
        payload: event.payload,
      })
      assert.deepInclude(received.payload, { from: 'backlog', to: 'doing' })
      assert.deepEqual(await idsMessage, { type: 'updated', ids: [task.id] })

      /* the creation came first, as its own envelope and `created` message */
      const creation = await admin.waitFor('events', (e) => e.type === 'task.created')
      assert.isBelow(creation.seq, received.seq)
      assert.equal(creation.agent, null)
      assert.deepEqual(creation.actor, { type: 'user', id: actors.users.admin.id })
      assert.deepEqual(await admin.waitFor('resources/tasks', (m) => m.type === 'created'), {
        type: 'created',
        ids: [task.id],
      })
    }),
    'orchestrator'
  )

  test('every role and agents may follow `events`; users changes only reach admins', async ({
    assert,
  }) => {
    for (const name of ['operator', 'closer', 'viewer', 'agent'] as const) {
      const client = connect(actors.tokens[name]!)
      assert.equal((await client.subscribe('events')).status, 204, name)
      assert.equal((await client.subscribe('resources/tasks')).status, 204, name)
      const refused = await client.subscribe('resources/users')
      assert.equal(refused.status, 403, name)
      assert.equal(refused.body.errors[0].code, 'E_FORBIDDEN')
    }

    const admin = connect(actors.tokens.admin!)
    assert.equal((await admin.subscribe('resources/users')).status, 204)
    const message = admin.waitFor('resources/users', (m) => m.type === 'created')
    const created = await call(actors.tokens.admin, 'POST', '/api/users', {
      email: `live-${Date.now()}@example.com`,
      role: Role.Viewer,
      password: PASSWORD,
    })
    assert.equal(created.status, 201)
    assert.deepEqual(await message, { type: 'created', ids: [created.body.id] })
  })

  test('a stream without valid credentials is refused', async ({ assert }) => {
    for (const headers of [{}, { authorization: 'Bearer mcu_not-a-token' }] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${BASE()}/__transmit/events?uid=someone`, { headers })
      assert.equal(response.status, 401)
      assert.equal(((await response.json()) as any).errors[0].code, 'E_UNAUTHORIZED')
    }

    /* what a real EventSource sees: an error with the status, and no retry */
    const source = new EventSource(`${BASE()}/__transmit/events?uid=anonymous`)
    const error = await new Promise<any>((resolve) => (source.onerror = resolve))
    assert.equal(error.code, 401)
    assert.equal(source.readyState, EventSource.CLOSED)

    const subscribe = await fetch(`${BASE()}/__transmit/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uid: 'anonymous', channel: 'events' }),
    })
    assert.equal(subscribe.status, 401)
  })

  test('a deactivated user cannot open a stream with a token made before', async ({ assert }) => {
    const user = await makeUser(Role.Operator)
    const token = (await User.accessTokens.create(user)).value!.release()
    user.isActive = false
    await user.save()
    const response = await fetch(`${BASE()}/__transmit/events?uid=deactivated`, {
      headers: { authorization: `Bearer ${token}` },
    })
    assert.equal(response.status, 401)
  })

  test('a missing uid or channel answers 422, an unknown channel 422', async ({ assert }) => {
    const auth = { authorization: `Bearer ${actors.tokens.admin}` }
    const stream = await fetch(`${BASE()}/__transmit/events`, { headers: auth })
    assert.equal(stream.status, 422)
    assert.equal(((await stream.json()) as any).errors[0].field, 'uid')

    for (const body of [{ uid: 'x' }, { channel: 'events' }, { uid: 'x', channel: 'nope' }]) {
      const response = await fetch(`${BASE()}/__transmit/subscribe`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      assert.equal(response.status, 422, JSON.stringify(body))
      assert.equal(((await response.json()) as any).errors[0].code, 'E_VALIDATION_ERROR')
    }
  })

  test('agents/<id>: the agent itself and admins subscribe, others are refused; control messages arrive', async ({
    assert,
  }) => {
    const channel = `agents/${actors.agent.id}`

    const operator = connect(actors.tokens.operator!)
    const refused = await operator.subscribe(channel)
    assert.equal(refused.status, 403)
    assert.equal(refused.body.errors[0].code, 'E_FORBIDDEN')

    const other = await makeAgent()
    const otherAgent = connect((await Agent.accessTokens.create(other)).value!.release())
    assert.equal((await otherAgent.subscribe(channel)).status, 403)

    const agent = connect(actors.tokens.agent!)
    const admin = connect(actors.tokens.admin!)
    assert.equal((await agent.subscribe(channel)).status, 204)
    assert.equal((await admin.subscribe(channel)).status, 204)

    const message = {
      type: 'control' as const,
      action: 'pause' as const,
      paused: true,
      reason: 'direct',
      at: new Date().toISOString(),
    }
    broadcastControl(actors.agent.id, message)
    assert.deepEqual(await agent.waitFor(channel, (m) => m.reason === 'direct'), message)
    assert.deepEqual(await admin.waitFor(channel, (m) => m.reason === 'direct'), message)
  })

  test('pause, resume and the global pause send the agent a control message at once', async ({
    assert,
  }) => {
    const target = await makeAgent()
    const token = (await Agent.accessTokens.create(target)).value!.release()
    const agent = connect(token)
    const channel = `agents/${target.id}`
    assert.equal((await agent.subscribe(channel)).status, 204)

    const paused = agent.waitFor(channel, (m) => m.action === 'pause')
    const pause = await call(actors.tokens.admin, 'POST', `/api/agents/${target.id}/pause`, {
      reason: 'checking the copy',
    })
    assert.equal(pause.status, 200)
    const pauseMessage = await paused
    assert.isNotNull(pauseMessage, 'no pause message within a second')
    assert.deepInclude(pauseMessage, {
      type: 'control',
      action: 'pause',
      paused: true,
      reason: 'checking the copy',
    })
    assert.isString(pauseMessage.at)

    const globalPaused = agent.waitFor(channel, (m) => m.action === 'global_pause')
    assert.equal(
      (await call(actors.tokens.admin, 'POST', '/api/system/pause', { reason: 'maintenance' }))
        .status,
      200
    )
    assert.deepInclude(await globalPaused, { paused: true, reason: 'maintenance' })

    /* resuming the agent while the global pause is on: still paused, and told why */
    const resumed = agent.waitFor(channel, (m) => m.action === 'resume')
    await call(actors.tokens.admin, 'POST', `/api/agents/${target.id}/resume`, {})
    assert.deepInclude(await resumed, { paused: true, reason: 'maintenance' })

    const globalResumed = agent.waitFor(channel, (m) => m.action === 'global_resume')
    await call(actors.tokens.admin, 'POST', '/api/system/resume', {})
    assert.deepInclude(await globalResumed, { paused: false, reason: null })
  })

  test('a browser session streams with its cookie and subscribes with its XSRF token', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Viewer)
    const browser = new BrowserSession()
    assert.equal(
      (await browser.post('/api/auth/login', { email: user.email, password: PASSWORD })).status,
      200
    )
    const cookie = `mc_session=${browser.cookie('mc_session')}; XSRF-TOKEN=${browser.cookie('XSRF-TOKEN')}`

    const forged = new SseClient(BASE(), { cookie })
    clients.push(forged)
    const refused = await forged.subscribe('events')
    assert.equal(refused.status, 403)
    assert.equal(refused.body.errors[0].code, 'E_BAD_CSRF_TOKEN')

    const tab = new SseClient(BASE(), {
      cookie,
      xsrf: decodeURIComponent(browser.cookie('XSRF-TOKEN')!),
    })
    clients.push(tab)
    assert.equal((await tab.subscribe('events')).status, 204)
    const envelope = tab.waitFor('events', (e) => e.type === 'task.created')
    await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'Seen in the browser' })
    assert.equal((await envelope)?.actor.id, actors.users.operator.id)
  })
  test('a stream ends at once when its owner is deactivated, demoted or loses its token', async ({
    assert,
  }) => {
    const operator = await makeUser(Role.Operator)
    const operatorStream = connect((await User.accessTokens.create(operator)).value!.release())
    assert.equal((await operatorStream.subscribe('events')).status, 204)
    const operatorEnded = operatorStream.ended()
    const deactivated = await call(actors.tokens.admin, 'PATCH', `/api/users/${operator.id}`, {
      is_active: false,
    })
    assert.equal(deactivated.status, 200)
    assert.isTrue(await operatorEnded, 'the deactivated user still streams')

    /* a demoted admin keeps `events` but not the agent channel it had */
    const admin = await makeUser(Role.Admin)
    const adminStream = connect((await User.accessTokens.create(admin)).value!.release())
    assert.equal((await adminStream.subscribe(`agents/${actors.agent.id}`)).status, 204)
    const adminEnded = adminStream.ended()
    await call(actors.tokens.admin, 'PATCH', `/api/users/${admin.id}`, { role: Role.Operator })
    assert.isTrue(await adminEnded, 'the demoted admin still streams agents/<id>')

    const agent = await makeAgent()
    const minted = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/tokens`, {})
    assert.equal(minted.status, 201)
    const agentStream = connect(minted.body.token)
    assert.equal((await agentStream.subscribe(`agents/${agent.id}`)).status, 204)
    const agentEnded = agentStream.ended()
    const revoked = await call(
      actors.tokens.admin,
      'DELETE',
      `/api/agents/${agent.id}/tokens/${minted.body.id}`
    )
    assert.equal(revoked.status, 204)
    assert.isTrue(await agentEnded, 'the revoked token still streams')

    /* an unrelated change leaves other streams alone */
    const bystander = connect(actors.tokens.viewer!)
    assert.equal((await bystander.subscribe('events')).status, 204)
    const bystanderEnded = bystander.ended()
    await call(actors.tokens.admin, 'PATCH', `/api/users/${actors.users.closer.id}`, {
      role: Role.Closer,
    })
    assert.isFalse(await bystanderEnded)
  })
})
