import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { connectionUrl } from '#config/database'
import { realtimeChannel } from '#config/transmit'
import { APP_ROOT } from '../../../runtime/prepare.js'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { SseClient } from '#tests/helpers/sse_client'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Another API instance on its own port, sharing this run's test database,
 * Redis and realtime channel (see helpers/api_instance.ts for why it is not
 * bin/server.ts).
 */
async function startInstance(port: number, overrides: NodeJS.ProcessEnv = {}) {
  const child = spawn(
    process.execPath,
    ['--import=ts-node-maintained/register/esm', 'backend/tests/helpers/api_instance.ts'],
    {
      cwd: APP_ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        TEST_DATABASE_URL: connectionUrl(),
        REDIS_URL: process.env.REDIS_URL,
        REALTIME_CHANNEL: realtimeChannel,
        LOG_LEVEL: 'warn',
        ...overrides,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the instance exited:\n${output}`)
    /* the app is up once routes and auth answer */
    const probe = await fetch(`http://127.0.0.1:${port}/api/auth/me`).catch(() => null)
    if (probe?.status === 401) return { child, output: () => output }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`the instance did not answer within 60 s:\n${output}`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function exited(child: ChildProcess) {
  return new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
  })
}

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

  test('a change made through instance B reaches a client of instance A within a second', async ({
    assert,
  }) => {
    const onA = connect(baseA(), actors.tokens.admin!)
    assert.equal((await onA.subscribe('events')).status, 204)
    assert.equal((await onA.subscribe('resources/tasks')).status, 204)

    const created = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Across' })
    const task = created.body

    const started = Date.now()
    const envelope = onA.waitFor('events', (e) => e.type === 'task.moved' && e.entityId === task.id)
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
    assert.isNotNull(received, `no envelope from instance B within a second\n${instanceB.output()}`)
    assert.isBelow(Date.now() - started, 1000)
    assert.deepInclude(received, {
      type: 'task.moved',
      entityType: 'task',
      entityId: task.id,
      taskId: task.id,
      agent: actors.agent.name,
    })
    assert.deepEqual(await ids, { type: 'updated', ids: [task.id] })
  })

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
