/**
 * Issue 16's bulk API figure, beside a baseline measured in the same run:
 * leads per second through `POST /api/leads/bulk` with 1,000-lead requests
 * from a lead_finder agent (its own token; validation of every row, the
 * duplicate and suppression lookups, one INSERT ... SELECT FROM unnest, the
 * counters' trigger, one event and audit row per request), against the
 * bare INSERT of the same kind of rows through pg: the same unnest
 * statement into the same table (same indexes, same counters' trigger), one
 * statement per 1,000 rows, as many connections as the API has clients.
 * The rows are removed afterwards: the shared bench table keeps its size.
 * Only 127.0.0.1.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import {
  BENCH_DATABASE_URL,
  adminToken,
  ensureBenchDatabase,
  percentile,
  report,
  startServer,
  vacuum,
} from './support.js'

const PORT = Number(process.env.LEADS_BULK_BENCH_PORT || 3497)
const BATCH = 1000
/* Requests of BATCH leads, per run. */
const REQUESTS = Number(process.env.LEADS_BULK_BENCH_REQUESTS || 60)
/* Requests in flight at once (agents posting side by side). */
const CLIENTS = Number(process.env.LEADS_BULK_BENCH_CLIENTS || 4)

const NICHES = ['Dentists', 'Plumbers', 'Law firms', 'Roofers', 'Med spas', 'Accountants']
const REGIONS = ['Austin, TX', 'Denver, CO', 'Leeds, UK', 'Lyon, FR', 'Porto, PT', 'Krakow, PL']
const SCORES = ['A', 'B', 'C']

/** BATCH leads no other run has (a fresh tag per batch): nothing is a duplicate. */
function batchOfLeads(label: string) {
  const tag = randomUUID().slice(0, 8)
  return Array.from({ length: BATCH }, (_, i) => ({
    business_name: `Bright Smile ${label} ${tag} ${i}`,
    niche: NICHES[i % NICHES.length],
    region: REGIONS[(i >> 1) % REGIONS.length],
    website: `https://www.${label}-${tag}-${i}.example.com/`,
    contact_name: 'Maria Garcia',
    contact_role: 'Practice Manager',
    email: `maria@${label}-${tag}-${i}.example.com`,
    phone: '+1 512 555 0134',
    source: 'lead_finder',
    lead_score: SCORES[i % 3],
    notes: ['No online booking on the website', 'Opened a second clinic in 2025'],
  }))
}

interface Run {
  leads: number
  seconds: number
  latencies: number[]
  ids: string[]
  refused: number
}

/* Runs `requests` jobs with CLIENTS of them in flight at once. */
async function inParallel(
  requests: number,
  job: () => Promise<{ ids: string[]; refused: number }>
) {
  const latencies: number[] = []
  const ids: string[] = []
  let refused = 0
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < requests) {
        next++
        const t0 = performance.now()
        const done = await job()
        latencies.push(performance.now() - t0)
        ids.push(...done.ids)
        refused += done.refused
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  return { leads: ids.length, seconds, latencies, ids, refused }
}

async function throughApi(url: string, token: string, requests: number): Promise<Run> {
  const bodies = Array.from({ length: requests }, () =>
    JSON.stringify({ leads: batchOfLeads('api') })
  )
  let taken = 0
  return inParallel(requests, async () => {
    const answer = await fetch(`${url}/api/leads/bulk`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      body: bodies[taken++],
    })
    const body = (await answer.json()) as any
    if (answer.status !== 200) throw new Error(`bulk: ${answer.status} ${JSON.stringify(body)}`)
    return {
      ids: body.results.filter((r: any) => r.status === 'created').map((r: any) => r.id),
      refused: body.totals.refused,
    }
  })
}

/* The API's statement (actions/create_leads_bulk.ts), sent by pg with nothing around it. */
const COLUMNS = [
  ['business_name', 'text'],
  ['niche', 'text'],
  ['region', 'text'],
  ['website', 'text'],
  ['contact_name', 'text'],
  ['contact_role', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['source', 'text'],
  ['lead_score', 'text'],
  ['notes', 'jsonb'],
] as const
const BARE_INSERT = `
  INSERT INTO leads (${COLUMNS.map(([c]) => c).join(', ')})
  SELECT ${COLUMNS.map(([c, t]) => (t === 'jsonb' ? `${c}::jsonb` : c)).join(', ')}
  FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t === 'jsonb' ? 'text' : t}[]`).join(', ')})
    AS rows(${COLUMNS.map(([c]) => c).join(', ')})
  ON CONFLICT DO NOTHING
  RETURNING id`

async function bareInsert(requests: number): Promise<Run> {
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: CLIENTS })
  await Promise.all(Array.from({ length: CLIENTS }, async () => (await pool.connect()).release()))
  const batches = Array.from({ length: requests }, () =>
    COLUMNS.map(([column, type]) =>
      batchOfLeads('bare').map((lead: any) =>
        type === 'jsonb' ? JSON.stringify(lead[column]) : lead[column]
      )
    )
  )
  let taken = 0
  try {
    return await inParallel(requests, async () => {
      const { rows } = await pool.query(BARE_INSERT, batches[taken++])
      return { ids: rows.map((row) => row.id), refused: BATCH - rows.length }
    })
  } finally {
    await pool.end()
  }
}

function summary(label: string, run: Run): [string, string][] {
  return [
    [`${label}: leads/s`, (run.leads / run.seconds).toFixed(0)],
    [
      `${label}: per 1,000-lead request p50 / p99 ms`,
      `${percentile(run.latencies, 50).toFixed(0)} / ${percentile(run.latencies, 99).toFixed(0)}`,
    ],
  ]
}

async function removeLeads(db: pg.Client, ids: string[]) {
  for (let i = 0; i < ids.length; i += 10_000) {
    await db.query('DELETE FROM leads WHERE id = ANY($1::uuid[])', [ids.slice(i, i + 10_000)])
  }
}

export default async function leadsBulkBench() {
  await ensureBenchDatabase()
  const server = await startServer(PORT, {
    AGENT_REQUESTS_PER_MINUTE: '0',
    AGENT_WRITES_PER_MINUTE: '0',
  })
  const db = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  await db.connect()
  const written: string[] = []
  try {
    const admin = await adminToken(server.url)
    const call = async (method: string, path: string, body?: unknown) => {
      const answer = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${admin}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      })
      return { status: answer.status, body: (await answer.json()) as any }
    }
    const agent = await call('POST', '/api/agents', {
      name: `bench-bulk-finder-${randomUUID().slice(0, 6)}`,
      type: 'lead_finder',
    })
    if (agent.status !== 201) throw new Error(`agent: ${agent.status}`)
    const minted = await call('POST', `/api/agents/${agent.body.id}/tokens`, { name: 'bench' })
    if (minted.status !== 201) throw new Error(`token: ${minted.status}`)
    const token = minted.body.token as string
    const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM leads')).rows

    // warm up both paths (token cache, prepared plans, JIT of the validator)
    written.push(...(await throughApi(server.url, token, CLIENTS)).ids)
    written.push(...(await bareInsert(CLIENTS)).ids)
    await vacuum(['leads', 'leads_counts'])

    // alternate, so that neither always runs on the warmer table
    const api = await throughApi(server.url, token, REQUESTS)
    written.push(...api.ids)
    const bare = await bareInsert(REQUESTS)
    written.push(...bare.ids)

    console.log(
      `  ${REQUESTS} requests of ${BATCH} leads, ${CLIENTS} at a time, into a table of ${count.toLocaleString('en')} leads`
    )
    report([
      ...summary('API POST /api/leads/bulk', api),
      ...summary('bare INSERT ... FROM unnest (pg)', bare),
      [
        'throughput ratio (API / bare)',
        `${(api.leads / api.seconds / (bare.leads / bare.seconds)).toFixed(2)}x`,
      ],
      ['target', '>= 20,000 leads/s through the API'],
      ['refused rows (should be 0)', api.refused + bare.refused],
    ])
  } finally {
    await removeLeads(db, written).catch(() => {})
    await db.end()
    await server.stop()
  }
}
