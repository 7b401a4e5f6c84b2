/**
 * Issue 19's history figures, each beside its baseline in the same run:
 * (a) the board at a random moment through GET /api/replay/board, served
 *     from the nearest board snapshot plus the events after it, beside the
 *     same request on a server that replays the whole history
 *     (BOARD_SNAPSHOTS=false, no statement timeout); p50/p99 over
 *     BENCH_MOMENTS (50) moments, the full replay over the first
 *     BENCH_FULL_MOMENTS (10) of them (seconds each), where both answers
 *     must be equal; each in its own pass (a full replay of 10M events
 *     evicts PostgreSQL's buffers);
 * (c) task moves per second through the API against the bare three-write
 *     transaction (bench/moves.ts) with the whole history in the database,
 *     beside the same pair on a database created empty for this run;
 * (d) the audit export of AUDIT_BENCH_ROWS (1M) entries through
 *     GET /api/audit/export.csv beside `psql \copy` of the very same SELECT
 *     (printed by `node ace audit:export-sql`).
 * The history is seeded fast, through COPY: BENCH_EVENTS task and agent
 * events (default 10M; BENCH_EVENTS=200000 for a quick run) spread over a
 * year, in a database of its own (BENCH_HISTORY_DATABASE_URL), filled once
 * and reused; snapshots are taken through it with
 * `node ace replay:snapshot --backfill` (every BOARD_SNAPSHOT_EVERY_EVENTS).
 * HISTORY_BENCH_ONLY=replay, =moves or =export runs one part. Only 127.0.0.1.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import copyStreams from 'pg-copy-streams'
import { CONCURRENCY, ROUNDS, SECONDS, movesPerSecond } from './moves.js'
import {
  APP_ROOT,
  adminToken,
  ensureBenchDatabase,
  percentile,
  report,
  startServer,
} from './support.js'

const DATABASE_URL =
  process.env.BENCH_HISTORY_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/mc_bench_history'
const EVENTS = Number(process.env.BENCH_EVENTS || 10_000_000)
const AUDIT_ROWS = Number(process.env.AUDIT_BENCH_ROWS || 1_000_000)
const MOMENTS = Number(process.env.BENCH_MOMENTS || 50)
const FULL_MOMENTS = Math.min(MOMENTS, Number(process.env.BENCH_FULL_MOMENTS || 10))
const TASKS = Number(process.env.BENCH_TASKS || 2000)
const AGENTS = 20
const PORT = Number(process.env.HISTORY_BENCH_PORT || 3491)
const EXPORT_RUNS = 3
/* HISTORY_BENCH_ONLY=replay, =moves or =export runs that part alone. */
const ONLY = process.env.HISTORY_BENCH_ONLY
const YEAR_MS = 365 * 24 * 3600 * 1000
const COLUMNS = ['backlog', 'doing', 'needs_approval', 'done']

const fmt = (n: number, digits = 1) => n.toFixed(digits)

/** A deterministic random sequence: the same history every run. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** COPY text format: backslash, tab and line breaks escaped. */
const cell = (value: string | null) =>
  value === null
    ? '\\N'
    : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')

async function withClient<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Runs `node ace ...` against the bench database; resolves with stdout. */
function ace(argv: string[], inherit = false): Promise<string> {
  const child = spawn(process.execPath, ['ace', ...argv], {
    cwd: APP_ROOT,
    env: { ...process.env, DATABASE_URL, NODE_ENV: 'development' },
    stdio: ['ignore', inherit ? 'inherit' : 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`node ace ${argv[0]} exited with ${code}`))
    )
  })
}

/**
 * BENCH_EVENTS events over the past year: tasks created, moved, edited and
 * deleted (and created again, so the board keeps about BENCH_TASKS cards),
 * and agent heartbeats, each carrying the record's snapshot as the change
 * recorder writes it.
 */
async function seedEvents(client: pg.Client, count: number) {
  const next = random(19)
  const start = Date.now() - YEAR_MS - 3600_000
  const step = YEAR_MS / count
  const admin = randomUUID()
  const tasks: any[] = []
  const agents = Array.from({ length: AGENTS }, (_, i) => ({
    id: randomUUID(),
    name: `bench-agent-${String(i).padStart(2, '0')}`,
    type: 'orchestrator',
    status: 'idle',
    current_task_id: null,
    last_update_at: new Date(start).toISOString(),
  }))
  let i = 0
  function* lines() {
    for (; i < count; i++) {
      const at = new Date(start + i * step).toISOString()
      const roll = next()
      let type: string
      let payload: any
      let taskId: string | null = null
      let agentId: string | null = null
      if (tasks.length < TASKS * 0.9 || roll < 0.02) {
        const task = {
          id: randomUUID(),
          title: `Task ${i}`,
          column: 'backlog',
          done_at: null,
          owner_id: admin,
          priority: 'med',
          created_at: at,
          created_by: admin,
          owner_type: 'admin',
          updated_at: at,
          description: '',
        }
        tasks.push(task)
        type = 'task.created'
        taskId = task.id
        payload = { id: task.id, resource: 'tasks', snapshot: task }
      } else if (roll < 0.04 && tasks.length > TASKS * 0.8) {
        const [task] = tasks.splice(Math.floor(next() * tasks.length), 1)
        type = 'task.deleted'
        taskId = task.id
        payload = { id: task.id, resource: 'tasks', deleted: true, snapshot: task }
      } else if (roll < 0.45) {
        const index = Math.floor(next() * tasks.length)
        const task = { ...tasks[index], column: COLUMNS[Math.floor(next() * 4)], updated_at: at }
        tasks[index] = task
        type = 'task.moved'
        taskId = task.id
        payload = { id: task.id, resource: 'tasks', snapshot: task }
      } else {
        const index = Math.floor(next() * AGENTS)
        const agent = {
          ...agents[index],
          status: next() < 0.5 ? 'running' : 'idle',
          last_update_at: at,
        }
        agents[index] = agent
        type = 'agent.heartbeat'
        agentId = agent.id
        payload = { id: agent.id, resource: 'agents', snapshot: agent }
      }
      yield `${cell(taskId)}\t${cell(agentId)}\t${type}\t${cell(JSON.stringify(payload))}\t${admin}\t${at}\n`
    }
  }
  const source = Readable.from(
    (function* batched() {
      let batch = ''
      for (const line of lines()) {
        batch += line
        if (batch.length > 1 << 16) {
          yield batch
          batch = ''
        }
      }
      if (batch) yield batch
    })()
  )
  await pipeline(
    source,
    client.query(
      copyStreams.from(
        'COPY task_events (task_id, agent_id, event_type, payload, created_by, created_at) FROM STDIN'
      )
    )
  )
}

/** AUDIT_BENCH_ROWS audit entries with before/after states, generated by PostgreSQL. */
async function seedAudit(client: pg.Client, count: number) {
  await client.query(
    `INSERT INTO audit_log (actor_type, actor_id, action, resource_type, resource_id,
       before_state, after_state, metadata, created_at)
     SELECT 'user', '00000000-0000-4000-8000-000000000001', 'task.moved', 'tasks', md5(n::text),
       jsonb_build_object('title', 'Task "' || n || '"', 'column', 'backlog', 'note', E'line\\nbreak ✓'),
       jsonb_build_object('title', 'Task "' || n || '"', 'column', 'doing'),
       jsonb_build_object('request_id', md5(n::text), 'seq', n),
       now() - interval '1 year' + n * interval '30 seconds'
     FROM generate_series(1, $1::int) n`,
    [count]
  )
}

async function fill() {
  await withClient(async (client) => {
    const events = Number(
      (await client.query(`SELECT count(*)::bigint AS n FROM task_events`)).rows[0].n
    )
    if (events < EVENTS) {
      const missing = EVENTS - events
      console.log(`  seeding ${missing.toLocaleString('en')} events through COPY (once)`)
      const started = performance.now()
      await seedEvents(client, missing)
      console.log(`  seeded in ${fmt((performance.now() - started) / 1000)} s`)
    } else {
      console.log(`  ${events.toLocaleString('en')} events already there`)
    }
    const audit = Number(
      (await client.query(`SELECT count(*)::bigint AS n FROM audit_log`)).rows[0].n
    )
    if (audit < AUDIT_ROWS) {
      console.log(`  seeding ${(AUDIT_ROWS - audit).toLocaleString('en')} audit entries (once)`)
      const started = performance.now()
      await seedAudit(client, AUDIT_ROWS - audit)
      console.log(`  seeded in ${fmt((performance.now() - started) / 1000)} s`)
    }
    await client.query('VACUUM ANALYZE task_events, audit_log')
  })
  const started = performance.now()
  await ace(['replay:snapshot', '--backfill'], true)
  console.log(`  snapshots up to date in ${fmt((performance.now() - started) / 1000)} s`)
}

async function timed(url: string, token: string, at: Date) {
  const started = performance.now()
  const response = await fetch(`${url}/api/replay/board?at=${at.toISOString()}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const body = await response.text()
  const ms = performance.now() - started
  if (response.status !== 200) throw new Error(`replay answered ${response.status}: ${body}`)
  return { ms, body }
}

async function benchReplay(token: string) {
  const withSnapshots = await startServer(PORT, { DATABASE_URL })
  /* no statement timeout: a full replay of 10M events takes longer than the API's 5 s */
  const fullReplay = await startServer(PORT + 1, {
    DATABASE_URL,
    BOARD_SNAPSHOTS: 'false',
    DATABASE_STATEMENT_TIMEOUT_MS: '0',
  })
  try {
    const { rows } = await withClient((client) =>
      client.query(
        `SELECT min(created_at) AS first, max(created_at) AS last,
           (SELECT count(*)::int FROM board_snapshots) AS snapshots FROM task_events`
      )
    )
    const first = rows[0].first.getTime()
    const span = rows[0].last.getTime() - first
    const next = random(7)
    const moments = Array.from(
      { length: MOMENTS },
      () => new Date(first + Math.floor(next() * span))
    )
    // warm-up: code paths loaded, plans cached
    for (const at of moments.slice(0, 3)) await timed(withSnapshots.url, token, at)
    const snap: number[] = []
    const full: number[] = []
    const answers: string[] = []
    let cards = 0
    /* each in its own pass: a full replay reads the whole history and evicts
       PostgreSQL's buffers, which a team scrubbing through replay does not */
    for (const at of moments) {
      const a = await timed(withSnapshots.url, token, at)
      snap.push(a.ms)
      answers.push(a.body)
      cards += JSON.parse(a.body).tasks.length
    }
    /* the full replay (seconds each at 10M events) on the first FULL_MOMENTS only */
    await timed(fullReplay.url, token, moments[0])
    for (const [index, at] of moments.slice(0, FULL_MOMENTS).entries()) {
      const b = await timed(fullReplay.url, token, at)
      if (answers[index] !== b.body) throw new Error(`the boards at ${at.toISOString()} differ`)
      full.push(b.ms)
    }
    console.log(
      `\n  (a) board at a random moment: ${EVENTS.toLocaleString('en')} events, ${rows[0].snapshots} snapshots, ` +
        `${Math.round(cards / MOMENTS)} cards on average, ${MOMENTS} moments (the full replay on ${FULL_MOMENTS}: same answers)`
    )
    report([
      [
        'snapshot + events p50 / p99',
        `${fmt(percentile(snap, 50))} / ${fmt(percentile(snap, 99))} ms (aim p99 < 100 ms)`,
      ],
      [
        'full replay p50 / p99',
        `${fmt(percentile(full, 50))} / ${fmt(percentile(full, 99))} ms   ratio p99 ${fmt(percentile(full, 99) / percentile(snap, 99), 2)}x`,
      ],
    ])
  } finally {
    await withSnapshots.stop()
    await fullReplay.stop()
  }
}

async function apiExport(url: string, token: string) {
  const started = performance.now()
  const response = await fetch(`${url}/api/audit/export.csv`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (response.status !== 200) throw new Error(`export answered ${response.status}`)
  let bytes = 0
  for await (const chunk of response.body!) bytes += chunk.byteLength
  return { seconds: (performance.now() - started) / 1000, bytes }
}

async function psqlExport(sql: string) {
  const started = performance.now()
  const child = spawn(
    'psql',
    [
      DATABASE_URL,
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy (${sql}) TO STDOUT WITH (FORMAT csv, HEADER, ENCODING 'UTF8')`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  let bytes = 0
  child.stdout!.on('data', (chunk: Buffer) => (bytes += chunk.byteLength))
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`psql exited with ${code}`)
  return { seconds: (performance.now() - started) / 1000, bytes }
}

async function benchAuditExport(token: string) {
  const server = await startServer(PORT, { DATABASE_URL })
  try {
    const sql = (await ace(['audit:export-sql'])).trim()
    if (sql.includes('\n')) throw new Error('psql \\copy needs the SELECT on one line')
    await apiExport(server.url, token) // warm-up
    const api = []
    const psql = []
    for (let run = 0; run < EXPORT_RUNS; run++) {
      api.push(await apiExport(server.url, token))
      psql.push(await psqlExport(sql))
    }
    if (api[0].bytes !== psql[0].bytes) {
      throw new Error(`the API sent ${api[0].bytes} bytes, psql ${psql[0].bytes}: not the same CSV`)
    }
    const apiTime = percentile(
      api.map((r) => r.seconds),
      50
    )
    const psqlTime = percentile(
      psql.map((r) => r.seconds),
      50
    )
    const rows = await withClient(
      async (client) => (await client.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n
    )
    console.log(
      `\n  (d) audit export: ${rows.toLocaleString('en')} entries (${fmt(api[0].bytes / 1e6, 0)} MB, same bytes as psql)`
    )
    report([
      [
        'API time (median of 3)',
        `${fmt(apiTime, 2)} s   psql \\copy: ${fmt(psqlTime, 2)} s   ratio ${fmt(apiTime / psqlTime, 2)}x (aim <= 1.5x)`,
      ],
    ])
  } finally {
    await server.stop()
  }
}

/** A database created empty for this run (dropped first if an earlier run left it). */
async function emptyDatabase(url: string) {
  const admin = new URL(url)
  const name = admin.pathname.slice(1).replace(/"/g, '')
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}

async function movesOn(databaseUrl: string, port: number) {
  const server = await startServer(port, { DATABASE_URL: databaseUrl })
  try {
    const token = await adminToken(server.url)
    const [api, bare] = await movesPerSecond(server.url, token, databaseUrl)
    return { api, bare, ratio: api / bare }
  } finally {
    await server.stop()
  }
}

async function benchMoves() {
  const emptyUrl = new URL(DATABASE_URL)
  emptyUrl.pathname = `${emptyUrl.pathname}_empty`
  await emptyDatabase(emptyUrl.toString())
  const events = await withClient(
    async (client) =>
      (await client.query('SELECT count(*)::bigint AS n FROM task_events')).rows[0].n
  )
  const full = await movesOn(DATABASE_URL, PORT)
  const empty = await movesOn(emptyUrl.toString(), PORT + 2)
  console.log(
    `\n  (c) task moves per second, ${CONCURRENCY} concurrent writers, ${SECONDS} s each side, ${ROUNDS} alternating rounds`
  )
  report([
    [
      `${Number(events).toLocaleString('en')} events in history`,
      `API ${fmt(full.api, 0)}   bare ${fmt(full.bare, 0)}   ratio ${fmt(full.ratio, 2)}`,
    ],
    [
      'empty history',
      `API ${fmt(empty.api, 0)}   bare ${fmt(empty.bare, 0)}   ratio ${fmt(empty.ratio, 2)}`,
    ],
    ['ratio with history / without (aim >= 1.0, within noise)', fmt(full.ratio / empty.ratio, 2)],
  ])
}

export default async function run() {
  await ensureBenchDatabase(DATABASE_URL)
  // the first start migrates the database and creates the bench admin
  const first = await startServer(PORT, { DATABASE_URL })
  const token = await adminToken(first.url)
  await first.stop()
  await fill()
  if (!ONLY || ONLY === 'replay') await benchReplay(token)
  if (!ONLY || ONLY === 'moves') await benchMoves()
  if (!ONLY || ONLY === 'export') await benchAuditExport(token)
}
