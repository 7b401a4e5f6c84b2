import { test } from '@japa/runner'
import { request as httpRequest } from 'node:http'
import db from '@adonisjs/lucid/services/db'
import { makeActors, type Actors } from '#tests/helpers/actors'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'

/*
| SIGTERM while writes are arriving. Each write goes on a connection of its
| own (no keep-alive reuse), as requests from many clients or a proxy do.
| Every write must either complete (2xx, and be in the database) or be
| refused before it started (connection refused, or 503 draining): never
| a connection reset on a request the server had accepted.
*/

const GRACE_SECONDS = 8
const DRAIN_SECONDS = 1

type Outcome =
  | { kind: 'completed'; status: number; id: string }
  | { kind: 'refused'; why: string }
  | { kind: 'reset'; why: string }
  | { kind: 'other'; why: string }

/** One request on a fresh TCP connection. */
function send(port: number, method: string, path: string, token?: string, body?: object) {
  return new Promise<{ status: number; body: any } | { error: string }>((resolve) => {
    const payload = body ? JSON.stringify(body) : undefined
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => {
          let json: any = text
          try {
            json = JSON.parse(text)
          } catch {}
          resolve({ status: res.statusCode ?? 0, body: json })
        })
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ error: error.code ?? error.message })
        )
      }
    )
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message })
    )
    req.end(payload)
  })
}

function classify(answer: { status: number; body: any } | { error: string }): Outcome {
  if ('error' in answer) {
    if (answer.error === 'ECONNREFUSED') return { kind: 'refused', why: 'connection refused' }
    if (['ECONNRESET', 'EPIPE'].includes(answer.error) || /hang up/.test(answer.error)) {
      return { kind: 'reset', why: answer.error }
    }
    return { kind: 'other', why: answer.error }
  }
  if (answer.status >= 200 && answer.status < 300) {
    return { kind: 'completed', status: answer.status, id: answer.body?.id }
  }
  if (answer.status === 503 && answer.body?.errors?.[0]?.code === 'E_DRAINING') {
    return { kind: 'refused', why: '503 draining' }
  }
  return { kind: 'other', why: `${answer.status} ${JSON.stringify(answer.body)}` }
}

test.group('Faults: graceful shutdown under writes', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('SIGTERM with 30 writes in flight: none is reset, every 2xx is stored, health says draining', async ({
    assert,
  }) => {
    const port = await freePort()
    const instance = await startInstance(port, {
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      SHUTDOWN_DRAIN_SECONDS: String(DRAIN_SECONDS),
    })
    const write = (i: number) =>
      send(port, 'POST', '/api/tasks', actors.tokens.operator!, { title: `sigterm ${i}` }).then(
        classify
      )

    /* warm up the route (first requests compile and load things) */
    for (let i = 0; i < 3; i++)
      assert.equal(classify(await send(port, 'GET', '/api/health')).kind, 'completed')

    const before = Array.from({ length: 30 }, (_, i) => write(i))
    await sleep(15)
    const signalledAt = Date.now()
    instance.child.kill('SIGTERM')
    const exit = exited(instance.child).then((code) => ({ code, at: Date.now() }))

    /* more writes and health checks while the instance drains and closes */
    const after: Promise<Outcome>[] = []
    const health: string[] = []
    let exitedYet = false
    void exit.then(() => (exitedYet = true))
    for (let i = 0; !exitedYet && Date.now() - signalledAt < (GRACE_SECONDS + 5) * 1000; i++) {
      if (i < 30) after.push(write(100 + i))
      const probe = await send(port, 'GET', '/api/health')
      health.push('error' in probe ? probe.error : `${probe.status} ${probe.body?.status}`)
      await sleep(50)
    }
    const { code, at } = await Promise.race([
      exit,
      sleep((GRACE_SECONDS + 10) * 1000).then(() => ({ code: 'hung' as const, at: Date.now() })),
    ])
    const outcomes = await Promise.all([...before, ...after])
    const count = (kind: Outcome['kind'], list = outcomes) =>
      list.filter((o) => o.kind === kind).length
    const beforeOutcomes = await Promise.all(before)
    const summary =
      `30 writes sent before SIGTERM: ${count('completed', beforeOutcomes)} completed, ` +
      `${count('refused', beforeOutcomes)} refused, ${count('reset', beforeOutcomes)} reset, ` +
      `${count('other', beforeOutcomes)} other; ${after.length} more during shutdown: ` +
      `${count('completed') - count('completed', beforeOutcomes)} completed, ` +
      `${count('refused') - count('refused', beforeOutcomes)} refused, ` +
      `${count('reset') - count('reset', beforeOutcomes)} reset; exit ${code} after ${at - signalledAt} ms; ` +
      `health during shutdown: ${[...new Set(health)].join(', ')}`
    console.log(summary)

    assert.equal(code, 0, `${summary}\n${instance.output()}`)
    assert.isBelow(
      at - signalledAt,
      GRACE_SECONDS * 1000,
      `exits within the grace period\n${summary}`
    )
    assert.equal(count('reset'), 0, `no accepted request is reset\n${summary}`)
    assert.equal(count('other'), 0, `only completions and clean refusals\n${summary}`)
    assert.equal(
      count('completed', beforeOutcomes),
      30,
      `the writes sent before SIGTERM complete\n${summary}`
    )

    const ids = outcomes.flatMap((o) => (o.kind === 'completed' ? [o.id] : []))
    const stored = await db.from('tasks').whereIn('id', ids).count('* as n')
    assert.equal(Number(stored[0].n), ids.length, 'every 2xx is in the database')
    assert.include(
      health,
      '503 draining',
      `health says draining while the instance drains\n${summary}`
    )
  }).timeout(120_000)
})
