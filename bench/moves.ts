/**
 * Task moves per second through the API against a bare `pg` transaction
 * doing the same three writes, shared by the workflow bench (a young
 * database) and the history bench (moves with 10M events in history).
 */
import pg from 'pg'
import autocannon from 'autocannon'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { BENCH_DATABASE_URL, vacuum } from './support.js'

export const CONCURRENCY = 8
const DURATION_MS = Number(process.env.BENCH_SECONDS || 10) * 1000

/* The API and bare runs alternate in this many rounds of DURATION_MS / ROUNDS each. */
export const ROUNDS = 3
export const SECONDS = DURATION_MS / 1000

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
export async function movesPerSecond(url: string, token: string, databaseUrl = BENCH_DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY })
  try {
    const sides = [await apiMover(url, token), await bareMover(pool)]
    for (const run of sides) await run(2)
    const totals = sides.map(() => 0)
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, run] of sides.entries()) {
        await vacuum(['tasks', 'task_events', 'audit_log'], databaseUrl)
        totals[index] += await run(DURATION_MS / 1000 / ROUNDS)
      }
    }
    return totals.map((total) => total / (DURATION_MS / 1000))
  } finally {
    await pool.end()
  }
}
