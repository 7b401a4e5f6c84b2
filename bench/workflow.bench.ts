/**
 * Issue 3's figures, each beside a baseline measured in the same run:
 * (a) task moves per second through the API (transaction + event + audit,
 *     auth, validation, broadcast) against a bare `pg` transaction doing the
 *     same three writes;
 * (b) move-to-delivery latency to 200 connected SSE clients (Redis
 *     transport) against a bare Redis publish-to-subscriber round trip.
 */
import pg from 'pg'
import autocannon from 'autocannon'
import { Redis } from 'ioredis'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import {
  BENCH_DATABASE_URL,
  adminToken,
  ensureBenchDatabase,
  percentile,
  report,
  startServer,
  vacuum,
} from './support.js'
import { SseClient } from '../backend/tests/helpers/sse_client.js'

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const DURATION_MS = Number(process.env.BENCH_SECONDS || 10) * 1000
const CONCURRENCY = 8
const SSE_CLIENTS = 200
const DELIVERY_SAMPLES = 200

/* The API and bare runs alternate in this many rounds of DURATION_MS / ROUNDS each. */
const ROUNDS = 3

/**
 * CONCURRENCY connections (autocannon, the load generator of the other
 * benches: light enough not to starve the server on a 2-core machine), each
 * moving its own card backlog <-> doing. Resolves with a run of `seconds`.
 */
async function apiMover(url: string, token: string) {
  const headers = { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' }
  const ids: string[] = []
  for (let i = 0; i < CONCURRENCY; i++) {
    const response = await fetch(`${url}/api/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: `bench ${i}` }),
    })
    ids.push(((await response.json()) as { id: string }).id)
  }
  let next = 0
  const move = (column: string) => ({
    method: 'PATCH',
    setupRequest: (request: Record<string, unknown>, context: { id?: string }) => {
      context.id ??= ids[next++ % ids.length]
      return { ...request, path: `/api/tasks/${context.id}`, body: JSON.stringify({ column }) }
    },
  })
  const options = {
    url,
    connections: CONCURRENCY,
    headers,
    requests: [move('doing'), move('backlog')],
  }
  return async (seconds: number) => {
    const result = await autocannon({ ...options, duration: seconds })
    if (result.non2xx || result.errors) {
      throw new Error(`moves failed: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
    }
    return result.requests.total
  }
}

/**
 * The same three writes with nothing around them: update the card, insert
 * the event, insert the audit row. Resolves with a run of `seconds`.
 */
async function bareMover(pool: pg.Pool) {
  const ids: string[] = []
  for (let i = 0; i < CONCURRENCY; i++) {
    const { rows } = await pool.query(
      `INSERT INTO tasks (title, created_by) VALUES ($1, $2) RETURNING id`,
      [`bare ${i}`, randomUUID()]
    )
    ids.push(rows[0].id)
  }
  return async (seconds: number) => {
    let moves = 0
    const until = performance.now() + seconds * 1000
    await Promise.all(
      ids.map(async (id) => {
        const client = await pool.connect()
        let column = 'backlog'
        while (performance.now() < until) {
          column = column === 'backlog' ? 'doing' : 'backlog'
          await client.query('BEGIN')
          const { rows } = await client.query(
            `UPDATE tasks SET "column" = $1, updated_at = now() WHERE id = $2 RETURNING *`,
            [column, id]
          )
          const event = await client.query(
            `INSERT INTO task_events (task_id, event_type, payload) VALUES ($1, 'task.moved', $2) RETURNING id`,
            [id, JSON.stringify({ snapshot: rows[0] })]
          )
          await client.query(
            `INSERT INTO audit_log (actor_type, action, resource_type, resource_id, after_state, metadata)
             VALUES ('system', 'task.moved', 'tasks', $1, $2, $3)`,
            [id, JSON.stringify(rows[0]), JSON.stringify({ seq: event.rows[0].id })]
          )
          await client.query('COMMIT')
          moves++
        }
        client.release()
      })
    )
    return moves
  }
}

/**
 * Moves per second through the API and bare: both warmed up (2 s), then
 * measured in ROUNDS alternating runs, each from freshly vacuumed tables
 * (see support.vacuum): this VM's speed drifts by tens of percent within a
 * minute, and alternating spreads the drift over both sides.
 */
async function movesPerSecond(url: string, token: string) {
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: CONCURRENCY })
  try {
    const sides = [await apiMover(url, token), await bareMover(pool)]
    for (const run of sides) await run(2)
    const totals = sides.map(() => 0)
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, run] of sides.entries()) {
        await vacuum(['tasks', 'task_events', 'audit_log'])
        totals[index] += await run(DURATION_MS / 1000 / ROUNDS)
      }
    }
    return totals.map((total) => total / (DURATION_MS / 1000))
  } finally {
    await pool.end()
  }
}

async function deliveryThroughSse(url: string, token: string) {
  const clients: SseClient[] = []
  for (let i = 0; i < SSE_CLIENTS; i++) clients.push(new SseClient(url, { token }))
  await Promise.all(clients.map((client) => client.subscribe('events')))

  const headers = { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' }
  const created = await fetch(`${url}/api/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'sse bench' }),
  })
  const { id } = (await created.json()) as { id: string }

  const latencies: number[] = []
  let column = 'backlog'
  for (let sample = 0; sample < DELIVERY_SAMPLES; sample++) {
    column = column === 'backlog' ? 'doing' : 'backlog'
    const target = column
    const started = performance.now()
    const deliveries = clients.map((client) =>
      client
        .waitFor(
          'events',
          (e) => e.entityId === id && e.payload?.to === target && e.type === 'task.moved',
          5000
        )
        .then((envelope) => {
          if (!envelope) throw new Error('an SSE client missed an envelope')
          latencies.push(performance.now() - started)
        })
    )
    const response = await fetch(`${url}/api/tasks/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ column }),
    })
    await response.arrayBuffer()
    await Promise.all(deliveries)
    for (const client of clients) client.received.length = 0
  }
  for (const client of clients) client.close()
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

async function redisRoundTrip() {
  const publisher = new Redis(REDIS_URL)
  const subscriber = new Redis(REDIS_URL)
  const channel = `bench:${randomUUID()}`
  await subscriber.subscribe(channel)
  const latencies: number[] = []
  for (let sample = 0; sample < DELIVERY_SAMPLES; sample++) {
    const started = performance.now()
    const received = new Promise<void>((resolve) => subscriber.once('message', () => resolve()))
    await publisher.publish(channel, JSON.stringify({ sample, payload: 'x'.repeat(400) }))
    await received
    latencies.push(performance.now() - started)
  }
  publisher.disconnect()
  subscriber.disconnect()
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

export default async function run() {
  await ensureBenchDatabase()
  const server = await startServer(4801, { REDIS_URL })
  try {
    const token = await adminToken(server.url)
    const [api, bare] = await movesPerSecond(server.url, token)
    console.log(
      `(a) task moves per second, ${CONCURRENCY} concurrent writers, ${DURATION_MS / 1000} s each, in ${ROUNDS} alternating rounds`
    )
    report([
      ['API PATCH /api/tasks/:id', api.toFixed(0)],
      ['bare pg transaction (3 writes)', bare.toFixed(0)],
      ['ratio (aim >= 0.5)', (api / bare).toFixed(2)],
    ])

    const sse = await deliveryThroughSse(server.url, token)
    const redis = await redisRoundTrip()
    console.log(
      `(b) move-to-delivery latency, ${SSE_CLIENTS} SSE clients, ${DELIVERY_SAMPLES} moves (ms)`
    )
    report([
      ['SSE p50 / p99 (aim p99 < 50)', `${sse.p50.toFixed(1)} / ${sse.p99.toFixed(1)}`],
      ['bare Redis round trip p50 / p99', `${redis.p50.toFixed(2)} / ${redis.p99.toFixed(2)}`],
      ['p99 ratio', (sse.p99 / redis.p99).toFixed(1)],
    ])
  } finally {
    await server.stop()
  }
}
