/**
 * Issue 4's leads figures on 1M leads, each beside a baseline measured in
 * the same run:
 * (a) the CSV export through the API against `psql \copy` of the very same
 *     SELECT (printed by `node ace leads:export-sql`), plus the API
 *     process's memory while it streams;
 * (b) a filtered, sorted leads page with x-total-count at 20 concurrent
 *     connections (autocannon) against a bare node:http + pg handler
 *     running the same SQL, in paired rounds (see loadPaired).
 * Only 127.0.0.1. The leads table of the shared bench database is filled to
 * 1M once (node ace seed:leads, VACUUM ANALYZE after) and reused; leads and
 * their counters are vacuumed again before measuring (see support.vacuum).
 */
import http from 'node:http'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import autocannon from 'autocannon'
import {
  APP_ROOT,
  BENCH_DATABASE_URL,
  adminToken,
  ensureBenchDatabase,
  percentile,
  report,
  startServer,
  vacuum,
} from './support.js'

const ROWS = Number(process.env.LEADS_BENCH_ROWS || 1_000_000)
const PORT = Number(process.env.LEADS_BENCH_PORT || 3481)
const BARE_PORT = PORT + 1
const SECONDS = Number(process.env.BENCH_SECONDS || 10)
/* LEADS_BENCH_ONLY=export or =list runs that half alone. */
const ONLY = process.env.LEADS_BENCH_ONLY
const CONNECTIONS = 20
const EXPORT_RUNS = 3

/** The closer's view: one status of one niche, newest first, first page. */
const LIST_QUERY = 'status=contacted&niche=Dentists&_sort=created_at&_order=desc&_start=0&_end=25'
const EXPORTS: [label: string, query: string][] = [
  ['all leads', ''],
  ['status >= contacted, by business_name', 'status_gte=contacted&_sort=business_name&_order=asc'],
]

/*
| The same SQL as GET /api/leads?LIST_QUERY: the counters' sum for the
| total (status and niche are counted columns), then the page.
*/
const BARE_COUNT = `select sum("n") as "total" from "leads_counts" where "status" = $1 and "niche" = $2`
const BARE_PAGE = `select * from "leads" where "status" = $1 and "niche" = $2 order by "created_at" desc, "id" asc limit $3`

/** The baseline: node:http and a pg pool of the API's size, nothing else. */
async function runBareServer(port: number) {
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 10 })
  const server = http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url!, 'http://127.0.0.1')
      const status = url.searchParams.get('status')
      const niche = url.searchParams.get('niche')
      const limit = Number(url.searchParams.get('_end')) - Number(url.searchParams.get('_start'))
      // side by side, as the API does
      const [count, page] = await Promise.all([
        pool.query(BARE_COUNT, [status, niche]),
        pool.query(BARE_PAGE, [status, niche, limit]),
      ])
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'x-total-count': String(Number(count.rows[0].total ?? 0)),
      })
      response.end(JSON.stringify(page.rows))
    } catch (error) {
      response.writeHead(500).end(String(error))
    }
  })
  server.listen(port, '127.0.0.1', () => console.log(`bare server listening on ${port}`))
}

if (process.env.LEADS_BENCH_BARE) {
  await runBareServer(Number(process.env.LEADS_BENCH_BARE))
}

function startBareServer(port: number): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    ['--import=ts-node-maintained/register/esm', 'bench/leads.bench.ts'],
    {
      cwd: APP_ROOT,
      env: { ...process.env, LEADS_BENCH_BARE: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    }
  )
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('bare server listening')) {
        resolve(
          () =>
            new Promise<void>((done) => {
              child.once('exit', () => done())
              child.kill('SIGTERM')
            })
        )
      }
    })
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)))
  })
}

/** Runs `node ace ...` against the bench database; resolves with stdout. */
function ace(argv: string[], inherit = false): Promise<string> {
  const child = spawn(process.execPath, ['ace', ...argv], {
    cwd: APP_ROOT,
    env: { ...process.env, DATABASE_URL: BENCH_DATABASE_URL, NODE_ENV: 'development' },
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

async function fillLeads() {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  await client.connect()
  const { rows } = await client.query('SELECT count(*)::int AS n FROM leads')
  await client.end()
  const missing = ROWS - rows[0].n
  if (missing <= 0) {
    console.log(`  ${rows[0].n.toLocaleString('en')} leads already there`)
    return
  }
  console.log(`  filling ${missing.toLocaleString('en')} leads (once; VACUUM ANALYZE after)`)
  const started = performance.now()
  await ace(['seed:leads', '--count', String(missing), '--seed', '1'], true)
  console.log(`  filled in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

function rssMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024
}

/** Downloads the export, counting bytes; samples the server's RSS meanwhile. */
async function apiExport(url: string, token: string, query: string, pid: number) {
  const before = rssMb(pid)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20)
  const started = performance.now()
  const response = await fetch(`${url}/api/leads/export.csv${query ? `?${query}` : ''}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (response.status !== 200) throw new Error(`export answered ${response.status}`)
  let bytes = 0
  for await (const chunk of response.body!) bytes += chunk.byteLength
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  peak = Math.max(peak, rssMb(pid))
  await sleep(1000)
  return { seconds, bytes, before, peak, after: rssMb(pid) }
}

/** The same SELECT through `psql \copy ... TO STDOUT`, its output read by this process. */
async function psqlExport(sql: string) {
  if (sql.includes('\n')) throw new Error('psql \\copy needs the SELECT on one line')
  const started = performance.now()
  const child = spawn(
    'psql',
    [
      BENCH_DATABASE_URL,
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

const median = (values: number[]) => percentile(values, 50)

/** The median proper: the mean of the two middle values of an even count. */
function middle(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const half = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
}
const fmt = (n: number, digits = 2) => n.toFixed(digits)

async function benchExports(url: string, token: string, pid: number) {
  // warm-up: the export's code paths are loaded and compiled before measuring
  await apiExport(url, token, 'status=booked&lead_score=A', pid)
  for (const [label, query] of EXPORTS) {
    const sql = (await ace(['leads:export-sql', ...(query ? [query] : [])])).trim()
    const api = []
    const psql = []
    for (let run = 0; run < EXPORT_RUNS; run++) {
      api.push(await apiExport(url, token, query, pid))
      psql.push(await psqlExport(sql))
    }
    if (api[0].bytes !== psql[0].bytes) {
      throw new Error(`the API sent ${api[0].bytes} bytes, psql ${psql[0].bytes}: not the same CSV`)
    }
    const apiTime = median(api.map((r) => r.seconds))
    const psqlTime = median(psql.map((r) => r.seconds))
    const growth = Math.max(...api.map((r) => r.peak - r.before))
    const last = api[api.length - 1]
    console.log(
      `\n  (a) export: ${label} (${(api[0].bytes / 1e6).toFixed(0)} MB, same bytes as psql)`
    )
    report([
      [
        'API time (median of 3)',
        `${fmt(apiTime)} s   psql \\copy: ${fmt(psqlTime)} s   ratio ${fmt(apiTime / psqlTime)}x (aim <= 1.5x)`,
      ],
      [
        'API RSS before / peak / after',
        `${fmt(last.before, 0)} / ${fmt(last.peak, 0)} / ${fmt(last.after, 0)} MB   largest growth ${fmt(growth, 1)} MB (aim < 100 MB)`,
      ],
    ])
  }
}

/* The list's API and bare runs are paired in this many rounds (see loadPaired)... */
const ROUNDS = 10
/* ...of this many seconds per side each (2 s by default: 20 s per side in all). */
const ROUND_SECONDS = Math.max(1, (2 * SECONDS) / ROUNDS)

/* Load on each side before any round is measured. */
const WARM_UP_SECONDS = 5

interface Load {
  /** requests per second over all of this side's rounds */
  rate: number
  /** mean of the rounds' medians, and the worst round's p99 (ms) */
  p50: number
  p99: number
  /** each round's requests per second */
  rates: number[]
}

/** Each connection with its own token, as 20 people or scripts would be (none if no tokens). */
function loadOptions(url: string, tokens: string[]) {
  let next = 0
  return {
    url,
    connections: CONNECTIONS,
    setupClient: (client: any) => {
      if (tokens.length)
        client.setHeaders({ authorization: `Bearer ${tokens[next++ % tokens.length]}` })
    },
  }
}

async function measure(options: ReturnType<typeof loadOptions>, seconds: number) {
  const result = await autocannon({ ...options, duration: seconds })
  if (result.non2xx || result.errors) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return result
}

/**
 * Both sides warmed up, then measured in ROUNDS pairs of back-to-back runs
 * of ROUND_SECONDS each, the first side going first in even rounds and
 * second in odd ones. This VM's speed drifts by tens of percent within a
 * minute: a pair shares the same moment, so each pair's ratio is a fair
 * one, and the median of the pairs' ratios is not moved by a round that
 * caught a fast or slow spell.
 */
async function loadPaired(sides: ReturnType<typeof loadOptions>[]): Promise<Load[]> {
  // steady state: the optimizing compiler has had both sides' hot code for a while
  for (const options of sides) await autocannon({ ...options, duration: WARM_UP_SECONDS })
  const results = sides.map(() => [] as autocannon.Result[])
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...sides.keys()]
    if (round % 2) order.reverse()
    for (const index of order) {
      results[index].push(await measure(sides[index], ROUND_SECONDS))
    }
  }
  return results.map((rounds) => ({
    rate: rounds.reduce((sum, r) => sum + r.requests.total, 0) / (ROUNDS * ROUND_SECONDS),
    p50: rounds.reduce((sum, r) => sum + r.latency.p50, 0) / rounds.length,
    p99: Math.max(...rounds.map((r) => r.latency.p99)),
    rates: rounds.map((r) => r.requests.total / ROUND_SECONDS),
  }))
}

async function benchList(url: string, token: string) {
  const stopBare = await startBareServer(BARE_PORT)
  try {
    const apiUrl = `${url}/api/leads?${LIST_QUERY}`
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/leads?${LIST_QUERY}`
    const headers = { authorization: `Bearer ${token}` }
    const [apiCheck, bareCheck] = await Promise.all([fetch(apiUrl, { headers }), fetch(bareUrl)])
    const apiIds = ((await apiCheck.json()) as { id: string }[]).map((lead) => lead.id)
    const bareIds = ((await bareCheck.json()) as { id: string }[]).map((lead) => lead.id)
    const total = apiCheck.headers.get('x-total-count')
    if (total !== bareCheck.headers.get('x-total-count') || apiIds.join() !== bareIds.join()) {
      throw new Error('the API and the bare handler do not answer the same page')
    }

    const tokens = [token]
    while (tokens.length < CONNECTIONS) tokens.push(await adminToken(url))
    const [api, bare] = await loadPaired([loadOptions(apiUrl, tokens), loadOptions(bareUrl, [])])
    // the host's floor: authentication and the framework around a trivial answer
    const floorOptions = loadOptions(`${url}/api/auth/me`, tokens)
    await autocannon({ ...floorOptions, duration: 2 })
    const floor = await measure(floorOptions, SECONDS)
    const ratios = api.rates.map((rate, round) => rate / bare.rates[round])
    console.log(
      `\n  (b) list: ${LIST_QUERY} (x-total-count ${total}), ${CONNECTIONS} connections (a token each), ${ROUNDS} paired rounds of ${ROUND_SECONDS} s per side`
    )
    report([
      [
        'API throughput',
        `${fmt(api.rate, 0)} req/s   bare node:http + pg: ${fmt(bare.rate, 0)} req/s   (all rounds: ${fmt(api.rate / bare.rate)}x)`,
      ],
      [
        'ratio, median of the paired rounds',
        `${fmt(middle(ratios))}x (aim >= 0.8x)   rounds from ${fmt(Math.min(...ratios))}x to ${fmt(Math.max(...ratios))}x`,
      ],
      [
        'rounds, API / bare req/s',
        api.rates.map((rate, round) => `${fmt(rate, 0)}/${fmt(bare.rates[round], 0)}`).join(' '),
      ],
      [
        'for reference: GET /api/auth/me',
        `${fmt(floor.requests.average, 0)} req/s, p50 / p99 ${floor.latency.p50} / ${floor.latency.p99} ms (routing, auth with the token kept by the instance, no query)`,
      ],
      [
        'API latency p50 / p99 (worst round)',
        `${fmt(api.p50, 0)} / ${api.p99} ms   bare: ${fmt(bare.p50, 0)} / ${bare.p99} ms (aim p99 < 100 ms)`,
      ],
    ])
  } finally {
    await stopBare()
  }
}

export default async function leadsBench() {
  await ensureBenchDatabase()
  // The server migrates the bench database on start; then the fill.
  let server = await startServer(PORT)
  try {
    await fillLeads()
    // a fresh server after the fill: the figures are about the list and the exports alone
    await server.stop()
    server = await startServer(PORT)
    const token = await adminToken(server.url)
    await vacuum(['leads', 'leads_counts'])
    // the list first: measured right after the exports (~450 MB of CSV), the API's
    // first list rounds ran at about half speed (449 against 814 req/s), a cost of
    // the exports' aftermath rather than of the list
    if (ONLY !== 'export') await benchList(server.url, token)
    if (ONLY !== 'list') await benchExports(server.url, token, server.child.pid!)
  } finally {
    await server.stop()
  }
}
