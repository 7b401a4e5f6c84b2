import { test } from '@japa/runner'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { SseClient } from '#tests/helpers/sse_client'
import { makeUser } from '#tests/helpers/users'
import User from '#models/user'
import { Role } from '#enums/roles'
import { needs } from '#tests/helpers/plugins'

test.group('Realtime: several API instances share events through Redis', (group) => {
  let actors: Actors
  let instanceB: Awaited<ReturnType<typeof startInstance>>
  let baseB: string
  const baseA = () => `http://${process.env.HOST}:${process.env.PORT}`
  const clients: SseClient[] = []

  group.setup(async () => {
    if (!process.env.REDIS_URL) throw new Error('REDIS_URL must be set (see .env.test)')
    actors = await makeActors()
    const port = await freePort()
    baseB = `http://127.0.0.1:${port}`
    instanceB = await startInstance(port)
    return async () => {
      instanceB.child.kill('SIGKILL')
      await exited(instanceB.child)
    }
  })
  group.each.teardown(() => {
    for (const client of clients.splice(0)) client.close()
  })

  function connect(base: string, token: string) {
    const client = new SseClient(base, { token })
    clients.push(client)
    return client
  }

  needs(
    test('a change made through instance B reaches a client of instance A within a second', async ({
      assert,
    }) => {
      const onA = connect(baseA(), actors.tokens.admin!)
      assert.equal((await onA.subscribe('events')).status, 204)
      assert.equal((await onA.subscribe('resources/tasks')).status, 204)

      const created = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Across' })
      const task = created.body

      const started = Date.now()
      const envelope = onA.waitFor(
        'events',
        (e) => e.type === 'task.moved' && e.entityId === task.id
      )
      const ids = onA.waitFor('resources/tasks', (m) => m.type === 'updated')
      const moved = await fetch(`${baseB}/api/tasks/${task.id}`, {
        method: 'PATCH',
        headers: {
          'authorization': `Bearer ${actors.tokens.agent}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ column: 'doing' }),
      })
      assert.equal(moved.status, 200, instanceB.output())

      const received = await envelope
      assert.isNotNull(
        received,
        `no envelope from instance B within a second\n${instanceB.output()}`
      )
      assert.isBelow(Date.now() - started, 1000)
      assert.deepInclude(received, {
        type: 'task.moved',
        entityType: 'task',
        entityId: task.id,
        taskId: task.id,
        agent: actors.agent.name,
      })
      assert.deepEqual(await ids, { type: 'updated', ids: [task.id] })
    }),
    'orchestrator'
  )

  test('and the other way round: a client of instance B sees a change made through A', async ({
    assert,
  }) => {
    const onB = connect(baseB, actors.tokens.operator!)
    assert.equal((await onB.subscribe('events')).status, 204)

    const envelope = onB.waitFor('events', (e) => e.type === 'task.created')
    const created = await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'Back' })
    assert.equal(created.status, 201)
    assert.equal((await envelope)?.entityId, created.body.id, instanceB.output())
  })

  test('a user deactivated or demoted through one instance loses their streams on the other at once', async ({
    assert,
  }) => {
    const operator = await makeUser(Role.Operator)
    const onB = connect(baseB, (await User.accessTokens.create(operator)).value!.release())
    assert.equal((await onB.subscribe('events')).status, 204)
    const operatorEnded = onB.ended()
    const deactivated = await call(actors.tokens.admin, 'PATCH', `/api/users/${operator.id}`, {
      is_active: false,
    })
    assert.equal(deactivated.status, 200)
    assert.isTrue(
      await operatorEnded,
      `B still streams to a deactivated user\n${instanceB.output()}`
    )

    /* an admin demoted through A may no longer listen to an agent's channel on B */
    const admin = await makeUser(Role.Admin)
    const adminOnB = connect(baseB, (await User.accessTokens.create(admin)).value!.release())
    assert.equal((await adminOnB.subscribe(`agents/${actors.agent.id}`)).status, 204)
    const adminEnded = adminOnB.ended()
    await call(actors.tokens.admin, 'PATCH', `/api/users/${admin.id}`, { role: Role.Operator })
    assert.isTrue(await adminEnded, 'B still streams agents/<id> to a demoted admin')
  })

  test('an instance stopping with open streams exits promptly; its clients see the stream end', async ({
    assert,
    cleanup,
  }) => {
    const port = await freePort()
    const instanceC = await startInstance(port)
    cleanup(() => {
      instanceC.child.kill('SIGKILL')
    })
    const onC = connect(`http://127.0.0.1:${port}`, actors.tokens.viewer!)
    assert.equal((await onC.subscribe('events')).status, 204)
    const disconnected = new Promise<void>((resolve) =>
      onC.client.on('disconnected', () => resolve())
    )

    const started = Date.now()
    instanceC.child.kill('SIGTERM')
    const code = await Promise.race([exited(instanceC.child), sleep(10_000).then(() => 'hung')])
    assert.notEqual(code, 'hung', `instance C did not exit within 10 s:\n${instanceC.output()}`)
    /* an open SSE response keeps the server up; an ended one not yet idle, for the keep-alive 5 s */
    assert.isBelow(Date.now() - started, 3000)
    await disconnected
  }).timeout(90_000)

  test('with Redis unreachable, an instance serves its own clients and still stops promptly', async ({
    assert,
    cleanup,
  }) => {
    const port = await freePort()
    const instance = await startInstance(port, {
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    })
    cleanup(() => {
      instance.child.kill('SIGKILL')
    })
    const local = connect(`http://127.0.0.1:${port}`, actors.tokens.admin!)
    assert.equal((await local.subscribe('events')).status, 204)
    const envelope = local.waitFor('events', (e) => e.type === 'task.created')
    const created = await fetch(`http://127.0.0.1:${port}/api/tasks`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${actors.tokens.admin}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'Redis is down' }),
    })
    assert.equal(created.status, 201, instance.output())
    assert.isNotNull(await envelope, instance.output())
    assert.include(instance.output(), 'Redis unreachable')
    const started = Date.now()
    instance.child.kill('SIGTERM')
    await Promise.race([exited(instance.child), sleep(10_000)])
    /* up to one Redis retry delay (2 s) on top of the usual stop */
    assert.isBelow(Date.now() - started, 5000, `did not stop:\n${instance.output()}`)
  }).timeout(90_000)
})
