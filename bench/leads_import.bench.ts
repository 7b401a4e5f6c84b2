/**
 * Issue 16's import figures, each beside a baseline measured in the same run:
 * (a) a 1M-row CSV imported through the API (POST /api/leads/import, the
 *     file streamed as the body) against `psql \copy` of the very same file
 *     into the same table, with its indexes and counters, both into an
 *     empty leads table; the API process's memory meanwhile;
 * (b) `node ace seed:leads --count 1000000` into an empty table, in rows/s.
 * Only 127.0.0.1. Its own database (BENCH_IMPORT_DATABASE_URL, default
 * mc_bench_import): the leads table is emptied between the runs.
 */
import http from 'node:http'
import { spawn } from 'node:child_process'
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import {
  APP_ROOT,
  adminToken,
  ensureBenchDatabase,
  report,
  startServer,
  vacuum,
} from './support.js'
import { generateLeads } from '../plugins/leads/seed/lead_generator.js'

const ROWS = Number(process.env.IMPORT_BENCH_ROWS || 1_000_000)
const PORT = Number(process.env.IMPORT_BENCH_PORT || 3491)
const DATABASE_URL =
  process.env.BENCH_IMPORT_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/mc_bench_import'
/* IMPORT_BENCH_ONLY=import or =seed runs that half alone. */
const ONLY = process.env.IMPORT_BENCH_ONLY

/* The lead columns a closer's file would have (no notes: psql cannot load bullets into jsonb). */
const COLUMNS = [
  'business_name',
  'niche',
  'region',
  'website',
  'contact_name',
  'contact_role',
  'email',
  'phone',
  'source',
  'lead_score',
  'status',
  'next_step',
] as const

const cell = (value: string | null) =>
  value === null ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value

/** A file both sides load: a header, then generated leads (written once, kept in tmp). */
async function csvFile(rows: number, seed: number) {
  const path = join(tmpdir(), `mc-import-bench-${rows}-${seed}.csv`)
  if (existsSync(path)) return path
  console.log(`  writing ${rows.toLocaleString('en')} rows to ${path} (once)`)
  const out = createWriteStream(path)
  let chunk = COLUMNS.join(',') + '\n'
  for (const lead of generateLeads({ count: rows, seed, now: new Date('2026-01-01') })) {
    chunk += COLUMNS.map((column) => cell(lead[column] as string | null)).join(',') + '\n'
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve))
      chunk = ''
    }
  }
  await new Promise((resolve) => out.end(chunk, resolve))
  return path
}

async function sql(text: string) {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    return await client.query(text)
  } finally {
    await client.end()
  }
}

/** An empty leads table (and counters), vacuumed: the same start for every run. */
async function emptyLeads() {
  await sql('TRUNCATE leads CASCADE')
  await vacuum(['leads', 'leads_counts'], DATABASE_URL)
}

async function leadCount() {
  const { rows } = await sql('SELECT count(*)::int AS n FROM leads')
  return rows[0].n as number
}

async function psqlCopy(path: string) {
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
      `\\copy leads (${COLUMNS.join(', ')}) FROM '${path}' WITH (FORMAT csv, HEADER)`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] }
  )
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`psql exited with ${code}`)
  return (performance.now() - started) / 1000
}

function rssMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024
}

/** The file streamed to POST /api/leads/import (Content-Length set); the server's RSS sampled meanwhile. */
async function apiImport(url: string, token: string, path: string, pid: number) {
  const id = crypto.randomUUID()
  const mapping = Object.fromEntries(COLUMNS.map((column) => [column, column]))
  const query = new URLSearchParams({
    id,
    file_name: 'bench.csv',
    mapping: JSON.stringify(mapping),
  })
  const before = rssMb(pid)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50)

  // the phases, from the import record (written every second)
  const phases: Record<string, number> = {}
  const started = performance.now()
  const poller = setInterval(async () => {
    const response = await fetch(`${url}/api/leads/imports/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => null)
    if (response?.status !== 200) return
    const record = (await response.json()) as { status: string }
    phases[record.status] ??= (performance.now() - started) / 1000
  }, 250)

  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      `${url}/api/leads/import?${query}`,
      {
        method: 'POST',
        headers: {
          'authorization': `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': statSync(path).size,
        },
      },
      (response) => {
        let body = ''
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode!, body }))
      }
    )
    request.on('error', reject)
    createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(request)
  })
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  clearInterval(poller)
  peak = Math.max(peak, rssMb(pid))
  if (answer.status !== 201) throw new Error(`import answered ${answer.status}: ${answer.body}`)
  await sleep(1000)
  return { seconds, record: JSON.parse(answer.body), phases, before, peak, after: rssMb(pid) }
}

/** `node ace seed:leads` on the bench database; its own figure (after boot) and the wall clock. */
async function seed(count: number) {
  const started = performance.now()
  const child = spawn(
    process.execPath,
    ['ace', 'seed:leads', '--count', String(count), '--seed', '16', '--no-vacuum', '--no-ansi'],
    {
      cwd: APP_ROOT,
      env: { ...process.env, DATABASE_URL, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    }
  )
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    process.stdout.write(chunk.toString().replace(/^/gm, '    '))
  })
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`seed:leads exited with ${code}`)
  const wall = (performance.now() - started) / 1000
  const own = Number(output.match(/Inserted [\d,]+ leads in ([\d.]+) s/)?.[1])
  return { wall, own }
}

const fmt = (n: number, digits = 2) => n.toFixed(digits)
const rate = (rows: number, seconds: number) =>
  `${Math.round(rows / seconds).toLocaleString('en')} rows/s`

export default async function leadsImportBench() {
  await ensureBenchDatabase(DATABASE_URL)
  const path = await csvFile(ROWS, 16)
  const size = statSync(path).size
  // the server migrates the bench database on start
  const server = await startServer(PORT, { DATABASE_URL })
  try {
    if (ONLY !== 'seed') {
      const token = await adminToken(server.url)
      // warm-up: the import's code paths loaded and compiled before measuring
      await emptyLeads()
      await apiImport(server.url, token, await csvFile(2000, 17), server.child.pid!)

      await emptyLeads()
      const psqlSeconds = await psqlCopy(path)
      const psqlRows = await leadCount()

      await emptyLeads()
      const api = await apiImport(server.url, token, path, server.child.pid!)
      if (api.record.imported !== psqlRows) {
        throw new Error(`the API imported ${api.record.imported} rows, psql ${psqlRows}`)
      }
      const phases = Object.entries(api.phases)
        .map(([phase, at]) => `${phase} at ${fmt(at, 1)} s`)
        .join(', ')
      console.log(
        `\n  (a) import: ${ROWS.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB of CSV, into an empty leads table with its indexes and counters`
      )
      report([
        [
          'API import (POST /api/leads/import)',
          `${fmt(api.seconds)} s (${rate(api.record.imported, api.seconds)})   psql \\copy: ${fmt(psqlSeconds)} s (${rate(psqlRows, psqlSeconds)})   ratio ${fmt(api.seconds / psqlSeconds)}x (aim <= 2x)`,
        ],
        ['API phases (first seen, polling)', phases],
        [
          'API RSS before / peak / after',
          `${fmt(api.before, 0)} / ${fmt(api.peak, 0)} / ${fmt(api.after, 0)} MB   growth ${fmt(api.peak - api.before, 1)} MB (aim < 100 MB)`,
        ],
      ])
    }

    if (ONLY !== 'import') {
      await server.stop()
      await emptyLeads()
      console.log(`\n  (b) node ace seed:leads --count ${ROWS} into an empty leads table`)
      const seeded = await seed(ROWS)
      report([
        [
          'seed:leads',
          `${fmt(seeded.own, 1)} s: ${rate(ROWS, seeded.own)} (aim >= 50,000 rows/s)   with the command's boot: ${fmt(seeded.wall, 1)} s`,
        ],
      ])
    }
  } finally {
    await server.stop()
  }
}
