/**
 * Issue 15's reservation figures, beside a baseline measured in the same run:
 * 50 agents reserving at once against one shared budget (the overall one,
 * so every reservation locks the same counter row), as reservations per
 * second and latency percentiles through the API (token check, validation,
 * the reservation row, its event and audit row, the guarded counter
 * update); baseline: 50 database connections doing only the bare guarded
 * `UPDATE ... RETURNING` of that same row. Only 127.0.0.1.
 */
import pg from 'pg'
import {
  BENCH_DATABASE_URL,
  adminToken,
  ensureBenchDatabase,
  percentile,
  report,
  startServer,
} from './support.js'

const PORT = Number(process.env.BUDGETS_BENCH_PORT || 3495)
const AGENTS = 50
const PER_AGENT = Number(process.env.BUDGETS_BENCH_PER_AGENT || 40)

interface Run {
  latencies: number[]
  seconds: number
  refused: number
}

function summary(label: string, run: Run): [string, string][] {
  const total = run.latencies.length
  return [
    [`${label}: reservations/s`, (total / run.seconds).toFixed(0)],
    [
      `${label}: p50 / p99 ms`,
      `${percentile(run.latencies, 50).toFixed(1)} / ${percentile(run.latencies, 99).toFixed(1)}`,
    ],
  ]
}

async function api(url: string, token: string, method: string, path: string, body?: unknown) {
  const answer = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await answer.text()
  return { status: answer.status, body: text ? JSON.parse(text) : null }
}

async function agentTokens(url: string, admin: string) {
  const tokens: string[] = []
  for (let i = 0; i < AGENTS; i++) {
    const name = `bench-spender-${i}`
    const found = await api(url, admin, 'GET', `/api/agents?name=${name}`)
    const agent =
      found.body[0] ??
      (await api(url, admin, 'POST', '/api/agents', { name, type: 'orchestrator' })).body
    const minted = await api(url, admin, 'POST', `/api/agents/${agent.id}/tokens`, {
      name: 'bench',
    })
    if (minted.status !== 201) throw new Error(`token for ${name}: ${minted.status}`)
    tokens.push(minted.body.token)
  }
  return tokens
}

async function throughApi(url: string, tokens: string[]): Promise<Run> {
  const latencies: number[] = []
  let refused = 0
  const started = performance.now()
  await Promise.all(
    tokens.map(async (token) => {
      for (let i = 0; i < PER_AGENT; i++) {
        const t0 = performance.now()
        const answer = await fetch(`${url}/api/agents/me/reservations`, {
          method: 'POST',
          headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ cost_usd: 0.001, purpose: 'bench' }),
        })
        await answer.arrayBuffer()
        latencies.push(performance.now() - t0)
        if (answer.status !== 201) refused++
      }
    })
  )
  return { latencies, seconds: (performance.now() - started) / 1000, refused }
}

async function bareUpdate(budgetId: string, periodStart: string): Promise<Run> {
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: AGENTS })
  // open every connection first, as the server's pool already is
  await Promise.all(Array.from({ length: AGENTS }, async () => (await pool.connect()).release()))
  const latencies: number[] = []
  let refused = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: AGENTS }, async () => {
      for (let i = 0; i < PER_AGENT; i++) {
        const t0 = performance.now()
        const { rowCount } = await pool.query(
          `UPDATE budget_windows w SET reserved_usd = w.reserved_usd + 0.001
           FROM budgets b
           WHERE w.budget_id = $1 AND w.period_start = $2 AND b.id = w.budget_id
             AND w.spent_usd + w.reserved_usd + 0.001 <= b.limit_usd
           RETURNING w.reserved_usd`,
          [budgetId, periodStart]
        )
        latencies.push(performance.now() - t0)
        if (rowCount !== 1) refused++
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  await pool.end()
  return { latencies, seconds, refused }
}

export default async function budgetsBench() {
  await ensureBenchDatabase()
  const server = await startServer(PORT, {
    AGENT_REQUESTS_PER_MINUTE: '0',
    AGENT_WRITES_PER_MINUTE: '0',
  })
  const db = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  await db.connect()
  try {
    const admin = await adminToken(server.url)
    const tokens = await agentTokens(server.url, admin)
    await db.query(`DELETE FROM budgets`)
    // the same requests with no budget to lock: what the API path costs by itself
    const unbudgeted = await throughApi(server.url, tokens)
    const created = await api(server.url, admin, 'POST', '/api/budgets', {
      scope: 'overall',
      period: 'day',
      limit_usd: 1_000_000,
    })
    if (created.status !== 201) throw new Error(`budget: ${created.status}`)
    const budget = created.body

    // warm up: every agent once (token cache, the counter row exists)
    await Promise.all(
      tokens.map((token) =>
        api(server.url, token, 'POST', '/api/agents/me/reservations', { cost_usd: 0.001 })
      )
    )
    const viaApi = await throughApi(server.url, tokens)
    const bare = await bareUpdate(budget.id, budget.current.period_start)

    const { rows } = await db.query(
      `SELECT reserved_usd FROM budget_windows WHERE budget_id = $1`,
      [budget.id]
    )
    const expected = (AGENTS + 2 * AGENTS * PER_AGENT) * 0.001
    console.log(
      `  ${AGENTS} agents x ${PER_AGENT} reservations against one budget row (the overall daily budget)`
    )
    report([
      ...summary('API reservation', viaApi),
      ...summary('bare UPDATE ... RETURNING', bare),
      ...summary('API reservation, no budget to lock', unbudgeted),
      [
        'throughput ratio (API / bare)',
        `${(viaApi.latencies.length / viaApi.seconds / (bare.latencies.length / bare.seconds)).toFixed(2)}x`,
      ],
      [
        'p99 ratio (API / bare)',
        `${(percentile(viaApi.latencies, 99) / percentile(bare.latencies, 99)).toFixed(2)}x`,
      ],
      ['refused (should be 0)', viaApi.refused + bare.refused + unbudgeted.refused],
      [
        'reserved in the row / expected',
        `${Number(rows[0].reserved_usd).toFixed(3)} / ${expected.toFixed(3)}`,
      ],
    ])
  } finally {
    await db.query(`DELETE FROM budgets`).catch(() => {})
    await db.end()
    await server.stop()
  }
}
