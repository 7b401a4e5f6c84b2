/**
 * Issue 14's webhook figures, beside a baseline measured in the same run:
 * (a) delivery latency, from the commit of a change (its event's
 *     created_at) to the receiver's answer, for 1,000 changes queued as fast
 *     as 20 concurrent writers make them; baseline: the same signed POST sent
 *     straight to the same receiver (the network and receiver's own cost);
 * (b) a `kill -9` of the delivering server while its deliveries are in
 *     flight: the outbox rows it leaves behind, and the time after a restart
 *     until every one of them is delivered (at least once: duplicates counted).
 * Only 127.0.0.1.
 */
import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { Webhook } from 'standardwebhooks'
import {
  BENCH_DATABASE_URL,
  adminToken,
  ensureBenchDatabase,
  percentile,
  report,
  startServer,
  type RunningServer,
} from './support.js'

const PORT = Number(process.env.WEBHOOKS_BENCH_PORT || 3491)
const EVENTS = Number(process.env.WEBHOOKS_BENCH_EVENTS || 1000)
const WRITERS = 20
const SECRET = `whsec_${Buffer.from('bench-secret-bench-secret-bench!').toString('base64')}`

interface Arrival {
  id: string
  seq: number
  at: number
}

function receiver() {
  const arrivals: Arrival[] = []
  let delayMs = 0
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const at = Date.now()
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        arrivals.push({ id: String(req.headers['webhook-id']), seq: Number(body.data?.seq), at })
      } catch {}
      const answer = () => !res.destroyed && res.writeHead(200).end('ok')
      if (delayMs) setTimeout(answer, delayMs)
      else answer()
    })
  })
  return new Promise<{
    url: string
    arrivals: Arrival[]
    hold: (ms: number) => void
    close: () => void
  }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        arrivals,
        hold: (ms) => (delayMs = ms),
        close: () => server.close(),
      })
    })
  )
}

async function createTasks(url: string, token: string, count: number, prefix: string) {
  let next = 0
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < count) {
        const i = next++
        const answer = await fetch(`${url}/api/tasks`, {
          method: 'POST',
          headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `${prefix} ${i}` }),
        })
        if (answer.status !== 201) throw new Error(`task not created: ${answer.status}`)
        await answer.arrayBuffer()
      }
    })
  )
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await sleep(50)
  }
}

export default async function webhooksBench() {
  await ensureBenchDatabase()
  const db = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  await db.connect()
  const hook = await receiver()
  const env = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_TIMEOUT_SECONDS: '2' }
  let server: RunningServer | null = await startServer(PORT, env)
  try {
    const token = await adminToken(server.url)
    await db.query('DELETE FROM webhook_subscriptions')
    const created = await fetch(`${server.url}/api/webhooks`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: hook.url, event_types: ['task.created'] }),
    })
    const subscription = (await created.json()) as { id: string; secret: string }

    // (a) 1,000 changes, as fast as 20 writers make them
    const started = Date.now()
    await createTasks(server.url, token, EVENTS, 'Webhook bench')
    const written = Date.now() - started
    await waitFor(() => hook.arrivals.length >= EVENTS, 120_000)
    const seqs = hook.arrivals.map((arrival) => arrival.seq)
    const { rows } = await db.query<{ id: string; at: Date }>(
      'SELECT id, created_at AS at FROM task_events WHERE id = ANY($1::bigint[])',
      [seqs]
    )
    const committed = new Map(rows.map((row) => [Number(row.id), row.at.getTime()]))
    const latencies = hook.arrivals
      .filter((arrival) => committed.has(arrival.seq))
      .map((arrival) => Math.max(0, arrival.at - committed.get(arrival.seq)!))

    // baseline: the same signed body POSTed straight to the receiver, one at a time
    const signer = new Webhook(SECRET)
    const direct: number[] = []
    for (let i = 0; i < 200; i++) {
      const body = JSON.stringify({
        type: 'task.created',
        timestamp: new Date().toISOString(),
        data: { seq: -1 },
      })
      const t0 = performance.now()
      const answer = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': `msg_b${i}`,
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': signer.sign(`msg_b${i}`, new Date(), body),
        },
        body,
      })
      await answer.arrayBuffer()
      direct.push(performance.now() - t0)
    }
    report([
      ['events queued', `${EVENTS} task.created, written in ${written} ms by ${WRITERS} writers`],
      ['commit → receiver, p50', `${percentile(latencies, 50)} ms`],
      ['commit → receiver, p99', `${percentile(latencies, 99)} ms`],
      ['commit → receiver, max', `${Math.max(...latencies)} ms`],
      ['baseline direct POST, p50', `${percentile(direct, 50).toFixed(1)} ms`],
      ['baseline direct POST, p99', `${percentile(direct, 99).toFixed(1)} ms`],
      ['duplicates', `${hook.arrivals.length - new Set(hook.arrivals.map((a) => a.id)).size}`],
    ])

    // (b) kill -9 while deliveries are in flight
    hook.arrivals.length = 0
    hook.hold(5_000)
    await createTasks(server.url, token, 100, 'Kill bench')
    await waitFor(() => hook.arrivals.length >= 20, 30_000)
    server.child.kill('SIGKILL')
    await new Promise((resolve) => server!.child.once('exit', resolve))
    server = null
    const left = await db.query<{ status: string; leased: boolean; n: string }>(
      `SELECT status, lease IS NOT NULL AS leased, count(*) AS n FROM webhook_deliveries
       WHERE subscription_id = $1 AND status <> 'delivered' GROUP BY 1, 2 ORDER BY 1, 2`,
      [subscription.id]
    )
    hook.hold(0)
    const restarted = Date.now()
    server = await startServer(PORT, env)
    await waitFor(async () => {
      const { rows: pending } = await db.query(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE subscription_id = $1 AND status <> 'delivered'`,
        [subscription.id]
      )
      return pending[0].n === 0
    }, 120_000)
    const ids = hook.arrivals.map((arrival) => arrival.id)
    report([
      [
        'left behind by kill -9',
        left.rows
          .map((row) => `${row.n} ${row.status}${row.leased ? ' (leased)' : ''}`)
          .join(', ') || 'none',
      ],
      ['all delivered after restart', `${Date.now() - restarted} ms (includes the server's start)`],
      ['sent twice (in flight when killed)', `${ids.length - new Set(ids).size}`],
    ])
  } finally {
    await server?.stop()
    hook.close()
    await db.end()
  }
}
