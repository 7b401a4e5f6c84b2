import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import { makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'
import { OwnRedis } from '#tests/helpers/redis_server'
import { SseClient } from '#tests/helpers/sse_client'

/*
| Two API instances share a Redis of this test's own. Clients stream from
| both, writers write through both, and Redis is killed (kill -9) for 9 s,
| then started again on the same port. Every open stream must end up with
| every committed seq exactly once and in order, without doing anything:
| the clients never reconnect nor backfill here.
*/

const OUTAGE_MS = 9_000

interface Watched {
  name: string
  client: SseClient
  /** each envelope's seq, when it arrived and when it was written (ms since epoch) */
  arrivals: { seq: number; at: number; written: number }[]
  disconnected: number
}

async function request(base: string, token: string, method: string, path: string, body?: object) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** Every seq after `after`, through the documented backfill (pages of 1000). */
async function committedAfter(base: string, token: string, after: number) {
  const seqs: number[] = []
  let last = after
  for (;;) {
    const page = await request(base, token, 'GET', `/api/events?after=${last}`)
    if (page.status !== 200) throw new Error(`backfill answered ${page.status}`)
    for (const event of page.body) seqs.push(event.id)
    if (page.body.length < 1000) return seqs
    last = seqs[seqs.length - 1]
  }
}

function compare(expected: number[], received: number[]) {
  const counts = new Map<number, number>()
  for (const seq of received) counts.set(seq, (counts.get(seq) ?? 0) + 1)
  const lost = expected.filter((seq) => !counts.has(seq)).length
  const duplicates = [...counts.values()].reduce((n, c) => n + (c > 1 ? c - 1 : 0), 0)
  let outOfOrder = 0
  for (let i = 1; i < received.length; i++) if (received[i] <= received[i - 1]) outOfOrder++
  return { lost, duplicates, outOfOrder }
}

test.group('Faults: Redis down for 9 s under two instances', (group) => {
  let actors: Actors
  let redis: OwnRedis
  const instances: Awaited<ReturnType<typeof startInstance>>[] = []
  const bases: string[] = []
  const clients: SseClient[] = []

  group.setup(async () => {
    actors = await makeActors()
    redis = await new OwnRedis(await freePort()).start()
    const channel = `mission_control.faults.${process.pid}.${Date.now()}`
    const env = { REDIS_URL: redis.url, REALTIME_CHANNEL: channel }
    const [portA, portB] = [await freePort(), await freePort()]
    instances.push(...(await Promise.all([startInstance(portA, env), startInstance(portB, env)])))
    bases.push(`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`)
    return async () => {
      for (const client of clients) client.close()
      for (const instance of instances) instance.child.kill('SIGKILL')
      await Promise.all(instances.map((instance) => exited(instance.child)))
      await redis.kill()
    }
  })

  test('every stream gets every seq exactly once, in order, and the missed pause', async ({
    assert,
  }) => {
    const [baseA, baseB] = bases

    /* a streaming agent, paused during the outage through the other instance */
    const target = await makeAgent()
    const targetToken = (await Agent.accessTokens.create(target)).value!.release()

    const watched: Watched[] = []
    async function watch(name: string, baseUrl: string, token: string) {
      const client = new SseClient(baseUrl, { token })
      clients.push(client)
      const entry: Watched = { name, client, arrivals: [], disconnected: 0 }
      client.client.on('disconnected', () => entry.disconnected++)
      assert.equal((await client.subscribe('events')).status, 204, name)
      assert.equal((await client.subscribe('resources/tasks')).status, 204, name)
      client.client.subscription('events').onMessage((envelope: any) => {
        entry.arrivals.push({
          seq: envelope.seq,
          at: Date.now(),
          written: Date.parse(envelope.timestamp),
        })
      })
      watched.push(entry)
      return entry
    }
    await watch('admin on A', baseA, actors.tokens.admin!)
    await watch('viewer on A', baseA, actors.tokens.viewer!)
    await watch('operator on B', baseB, actors.tokens.operator!)
    await watch('closer on B', baseB, actors.tokens.closer!)
    const agentClient = new SseClient(baseA, { token: targetToken })
    clients.push(agentClient)
    assert.equal((await agentClient.subscribe(`agents/${target.id}`)).status, 204)

    const [{ max }] = await db.from('task_events').max('id as max')
    const start = Number(max ?? 0)

    /* writers through both instances, all along */
    let writing = true
    const acknowledged: string[] = []
    let failed = 0
    const writer = async (baseUrl: string, lane: string) => {
      for (let i = 0; writing; i++) {
        const created = await request(baseUrl, actors.tokens.operator!, 'POST', '/api/tasks', {
          title: `outage ${lane}.${i}`,
        }).catch(() => null)
        if (created?.status === 201) acknowledged.push(created.body.id)
        else failed++
        await sleep(40)
      }
    }
    const writers = [
      writer(baseA, 'a1'),
      writer(baseA, 'a2'),
      writer(baseB, 'b1'),
      writer(baseB, 'b2'),
    ]

    await sleep(2000)
    await redis.kill()
    const killedAt = Date.now()
    await sleep(OUTAGE_MS / 2)
    const pausedAt = Date.now()
    const pause = await request(
      baseB,
      actors.tokens.admin!,
      'POST',
      `/api/agents/${target.id}/pause`,
      {
        reason: 'during the outage',
      }
    )
    assert.equal(pause.status, 200)
    await sleep(killedAt + OUTAGE_MS - Date.now())
    await redis.start()
    const restartedAt = Date.now()
    const [{ max: lastBeforeRestart }] = await db.from('task_events').max('id as max')
    await sleep(3000)
    writing = false
    await Promise.all(writers)

    const committed = await committedAfter(baseA, actors.tokens.admin!, start)
    assert.isAbove(committed.length, 100, 'events were written')

    /* the streams catch up by themselves; give them a bounded while */
    const received = (entry: Watched) => entry.arrivals.map((arrival) => arrival.seq)
    const caughtUp = () =>
      watched.every(
        (entry) => received(entry).filter((seq) => seq > start).length >= committed.length
      )
    for (let i = 0; i < 300 && !caughtUp(); i++) await sleep(100)
    await sleep(500) // anything late would be a duplicate: let it show

    const lastSeq = Number(lastBeforeRestart)
    const report: string[] = []
    for (const entry of watched) {
      const got = received(entry).filter((seq) => seq > start)
      const { lost, duplicates, outOfOrder } = compare(committed, got)
      /* when the last event written before Redis came back reached this client */
      const recovered = Math.max(
        0,
        ...entry.arrivals.filter((arrival) => arrival.seq <= lastSeq).map((x) => x.at - restartedAt)
      )
      /* the longest an event written while Redis was down took to arrive */
      const lag = Math.max(
        0,
        ...entry.arrivals
          .filter((x) => x.written >= killedAt && x.written < restartedAt)
          .map((x) => x.at - x.written)
      )
      report.push(
        `${entry.name}: received ${got.length}/${committed.length}, lost ${lost}, duplicates ${duplicates}, ` +
          `out of order ${outOfOrder}, longest delay during the outage ${lag} ms, ` +
          `caught up ${recovered} ms after Redis was back, disconnects ${entry.disconnected}`
      )
    }
    const pauseMessage = await agentClient.waitFor(
      `agents/${target.id}`,
      (m) => m.action === 'pause',
      5000
    )
    const summary =
      `events written ${committed.length} (tasks acknowledged ${acknowledged.length}, failed writes ${failed}); ` +
      `Redis down ${restartedAt - killedAt} ms\n${report.join('\n')}\n` +
      `pause sent ${pausedAt - killedAt} ms into the outage: ${pauseMessage ? 'received' : 'NOT received'}`
    console.log(summary)

    const stored = await db.from('tasks').whereIn('id', acknowledged).count('* as n')
    assert.equal(Number(stored[0].n), acknowledged.length, 'every acknowledged task is stored')
    for (const entry of watched) {
      assert.deepEqual(
        received(entry).filter((seq) => seq > start),
        committed,
        `${entry.name} must get every seq once, in order\n${summary}`
      )
      assert.equal(entry.disconnected, 0, `${entry.name}'s stream stayed open`)
      const created = entry.client.received
        .filter((m) => m.channel === 'resources/tasks' && m.payload.type === 'created')
        .flatMap((m) => m.payload.ids)
      assert.sameMembers(created, acknowledged, `${entry.name}: resources/tasks, once per task`)
    }
    assert.deepInclude(pauseMessage, { action: 'pause', paused: true, reason: 'during the outage' })

    await request(baseA, actors.tokens.admin!, 'POST', `/api/agents/${target.id}/resume`, {})
  }).timeout(180_000)
})
