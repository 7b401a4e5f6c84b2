import { test } from '@japa/runner'
import Agent from '#models/agent'
import User from '#models/user'
import { Role } from '#enums/roles'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { makeUser } from '#tests/helpers/users'
import { RawStream, SseClient } from '#tests/helpers/sse_client'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'

/*
| A realtime stream id (the `uid` the client picks) is not a secret: it is
| in URLs, logs and proxies. Knowing it must give nothing: the stream
| belongs to the user or agent that opened it, on every instance.
*/

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

function transmit(base: string, token: string, action: 'subscribe' | 'unsubscribe', body: object) {
  return fetch(`${base}/__transmit/${action}`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (response) => {
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  })
}

test.group('Security: a realtime stream belongs to whoever opened it', (group) => {
  let actors: Actors
  let baseB: string
  let instanceB: Awaited<ReturnType<typeof startInstance>>
  const clients: SseClient[] = []
  const raws: RawStream[] = []

  group.setup(async () => {
    actors = await makeActors()
    const port = await freePort()
    baseB = `http://127.0.0.1:${port}`
    instanceB = await startInstance(port)
    return async () => {
      instanceB.child.kill('SIGKILL')
      await exited(instanceB.child)
    }
  })
  group.each.teardown(async () => {
    for (const client of clients.splice(0)) client.close()
    await Promise.all(raws.splice(0).map((raw) => raw.close()))
  })

  function connect(base: string, token: string) {
    const client = new SseClient(base, { token })
    clients.push(client)
    return client
  }
  async function open(base: string, uid: string, token: string) {
    const raw = await RawStream.open(base, uid, token)
    raws.push(raw)
    return raw
  }
  async function victim(base: string) {
    const agent = await makeAgent()
    const token = (await Agent.accessTokens.create(agent)).value!.release()
    const client = connect(base, token)
    const channel = `agents/${agent.id}`
    return { agent, token, client, channel }
  }

  test('unsubscribing someone else’s stream is refused, and its owner still gets the pause', async ({
    assert,
  }) => {
    const v = await victim(BASE())
    assert.equal((await v.client.subscribe(v.channel)).status, 204)
    const intruder = await makeAgent()
    const intruderToken = (await Agent.accessTokens.create(intruder)).value!.release()

    /* another agent, and an admin (who may follow that channel, but not on someone else's stream) */
    for (const token of [intruderToken, actors.tokens.admin!]) {
      const refused = await transmit(BASE(), token, 'unsubscribe', {
        uid: v.client.client.uid,
        channel: v.channel,
      })
      assert.equal(refused.status, 403, JSON.stringify(refused.body))
      assert.equal(refused.body.errors[0].code, 'E_FORBIDDEN')
    }

    const pause = v.client.waitFor(v.channel, (m) => m.action === 'pause', 5000)
    const paused = await call(actors.tokens.admin, 'POST', `/api/agents/${v.agent.id}/pause`, {
      reason: 'hold on',
    })
    assert.equal(paused.status, 200)
    assert.deepInclude(await pause, { action: 'pause', paused: true, reason: 'hold on' })
  })

  test('subscribing someone else’s stream to a channel is refused', async ({ assert }) => {
    const v = await victim(BASE())
    await v.client.opened()
    const refused = await transmit(BASE(), actors.tokens.admin!, 'subscribe', {
      uid: v.client.client.uid,
      channel: 'resources/tasks',
    })
    assert.equal(refused.status, 403)
    assert.equal(refused.body.errors[0].code, 'E_FORBIDDEN')

    /* the owner subscribes for itself; it hears of the change once, on its own subscription */
    assert.equal((await v.client.subscribe('events')).status, 204)
    const created = await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'seen' })
    assert.isNotNull(await v.client.waitFor('events', (e) => e.entityId === created.body.id, 5000))
    assert.isFalse(v.client.received.some((m) => m.channel === 'resources/tasks'))
  })

  test('opening a stream with someone else’s uid is refused; the owner’s stream is untouched', async ({
    assert,
  }) => {
    const v = await victim(BASE())
    await v.client.opened()
    const intruder = await makeAgent()
    const intruderToken = (await Agent.accessTokens.create(intruder)).value!.release()

    const hijack = await open(BASE(), v.client.client.uid, intruderToken)
    assert.equal(hijack.status, 403)
    assert.equal(hijack.body.errors[0].code, 'E_FORBIDDEN')

    /* the owner subscribes after the attempt: its messages reach it, and nobody else */
    assert.equal((await v.client.subscribe(v.channel)).status, 204)
    const pause = v.client.waitFor(v.channel, (m) => m.action === 'pause', 5000)
    await call(actors.tokens.admin, 'POST', `/api/agents/${v.agent.id}/pause`, { reason: 'mine' })
    assert.deepInclude(await pause, { action: 'pause', reason: 'mine' })
    assert.deepEqual(hijack.received, [])
  })

  test('on another instance too: the uid is refused there, and the owner is not disturbed', async ({
    assert,
  }) => {
    /* the victim's stream lives on instance B; requests about it reach A (a load balancer's choice) */
    const v = await victim(baseB)
    assert.equal((await v.client.subscribe(v.channel)).status, 204)
    const intruder = await makeUser(Role.Admin)
    const intruderToken = (await User.accessTokens.create(intruder)).value!.release()
    const uid = v.client.client.uid

    for (const base of [BASE(), baseB]) {
      const unsubscribe = await transmit(base, intruderToken, 'unsubscribe', {
        uid,
        channel: v.channel,
      })
      assert.equal(unsubscribe.status, 403, `unsubscribe through ${base}`)
      assert.equal(unsubscribe.body.errors[0].code, 'E_FORBIDDEN')
      const subscribe = await transmit(base, intruderToken, 'subscribe', { uid, channel: 'events' })
      assert.equal(subscribe.status, 403, `subscribe through ${base}`)
      const hijack = await open(base, uid, intruderToken)
      assert.equal(hijack.status, 403, `events through ${base}`)
    }

    /* the owner's own subscribe, sent to A, reaches its stream on B */
    const own = await transmit(BASE(), v.token, 'subscribe', { uid, channel: 'resources/agents' })
    assert.equal(own.status, 204)
    const ids = new Promise<any>((resolve) => {
      v.client.client.subscription('resources/agents').onMessage((payload: any) => {
        if (payload?.ids?.includes(v.agent.id)) resolve(payload)
      })
      setTimeout(() => resolve(null), 5000)
    })

    const pause = v.client.waitFor(v.channel, (m) => m.action === 'pause', 5000)
    const paused = await call(actors.tokens.admin, 'POST', `/api/agents/${v.agent.id}/pause`, {
      reason: 'across',
    })
    assert.equal(paused.status, 200)
    assert.deepInclude(await pause, { action: 'pause', reason: 'across' }, instanceB.output())
    assert.isNotNull(await ids, 'the subscribe made through A took effect on B')
  }).timeout(60_000)

  test('a token may hold at most 20 open streams: the next is refused with 429 and Retry-After', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Viewer)
    const token = (await User.accessTokens.create(user)).value!.release()
    const streams: RawStream[] = []
    for (let i = 0; i < 20; i++) {
      const stream = await open(BASE(), `cap-${user.id}-${i}`, token)
      assert.equal(stream.status, 200, `stream ${i}`)
      streams.push(stream)
    }
    const refused = await open(BASE(), `cap-${user.id}-over`, token)
    assert.equal(refused.status, 429)
    assert.equal(refused.body.errors[0].code, 'E_TOO_MANY_STREAMS')
    assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/)
    /* counted for every instance of the deployment, not per instance */
    const elsewhere = await open(baseB, `cap-${user.id}-on-b`, token)
    assert.equal(elsewhere.status, 429)

    /* another token of the same user has its own allowance */
    const second = (await User.accessTokens.create(user)).value!.release()
    assert.equal((await open(BASE(), `cap-${user.id}-second`, second)).status, 200)

    /* once one closes, there is room again */
    await streams[0].close()
    let status = 0
    for (let i = 0; i < 50 && status !== 200; i++) {
      const retry = await open(BASE(), `cap-${user.id}-again-${i}`, token)
      status = retry.status
      if (status !== 200) await sleep(100)
    }
    assert.equal(status, 200)
  }).timeout(60_000)

  test('the owner reopening its own uid (a reconnect) takes the stream over', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Viewer)
    const token = (await User.accessTokens.create(user)).value!.release()
    const uid = `reconnect-${user.id}`
    const first = await open(BASE(), uid, token)
    assert.equal(first.status, 200)
    const second = await open(BASE(), uid, token)
    assert.equal(second.status, 200)
    assert.equal(
      (await transmit(BASE(), token, 'subscribe', { uid, channel: 'events' })).status,
      204
    )

    const created = await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'again' })
    let seen = false
    for (let i = 0; i < 50 && !seen; i++) {
      seen = second.received.some((m) => m.payload?.entityId === created.body.id)
      if (!seen) await sleep(100)
    }
    assert.isTrue(seen, 'the new stream receives')
    assert.isFalse(first.received.some((m) => m.payload?.entityId === created.body.id))
  })
})
