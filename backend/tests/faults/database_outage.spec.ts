import { test } from '@japa/runner'
import pg from 'pg'
import hash from '@adonisjs/core/services/hash'
import { PgCluster } from '#tests/helpers/pg_cluster'
import { migrateDatabase } from '#tests/helpers/database'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'
import { BrowserSession } from '#tests/helpers/browser_session'
import { PASSWORD } from '#tests/helpers/users'
import { outcome, probe, spread, type Probe } from '#tests/helpers/probes'

/*
| Issue 13, item 5: database trouble must fail fast and cleanly. A
| PostgreSQL cluster of this test's own (helpers/pg_cluster.ts) behind an
| API instance of its own, with the database waits bounded at 2 s (connect,
| pool acquire, statement) and a pool of 4. The cluster is frozen (SIGSTOP:
| the kernel still accepts connections, nothing answers), killed (kill -9)
| and stopped (pg_ctl stop -m fast), each time under traffic.
*/
const BOUND_MS = 2000
/* The longest a request may take while the database is frozen (the sum of the waits, and then some). */
const ANSWER_WITHIN_MS = 20_000
const EMAIL = 'faults-admin@example.com'

/** pino's JSON lines of the instance's output since `from`. */
function logLines(output: string, from: number) {
  return output
    .slice(from)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as { level: number; msg: string; [key: string]: unknown }
      } catch {
        return null
      }
    })
    .filter((line) => line !== null)
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(250)
  }
  return false
}

test.group('A database that freezes or dies', (group) => {
  let cluster: PgCluster
  let instance: Awaited<ReturnType<typeof startInstance>>
  let base: string
  let token: string
  let cookies: string
  let writes = 0

  /** Each kind of request a user would notice, as the admin. */
  const requests: Record<string, (timeoutMs: number) => Promise<Probe>> = {
    'health': (timeoutMs) => probe(base, 'GET', '/api/health', { timeoutMs }),
    'login': (timeoutMs) =>
      probe(base, 'POST', '/api/auth/login', {
        body: { email: EMAIL, password: PASSWORD },
        timeoutMs,
      }),
    'board (token)': (timeoutMs) => probe(base, 'GET', '/api/tasks', { token, timeoutMs }),
    'board (session)': (timeoutMs) => probe(base, 'GET', '/api/tasks', { cookies, timeoutMs }),
    'write (token)': (timeoutMs) =>
      probe(base, 'POST', '/api/tasks', {
        token,
        body: { title: `written during a fault ${++writes}` },
        timeoutMs,
      }),
  }

  /** Every kind of request, `times` each, all at once. */
  async function wave(times: number, timeoutMs: number) {
    const sent = Object.entries(requests).flatMap(([name, send]) =>
      Array.from({ length: times }, () => send(timeoutMs).then((answer) => ({ name, answer })))
    )
    return Promise.all(sent)
  }

  /** Every answer a 503 E_UNAVAILABLE with Retry-After (health: its own body, db down). */
  function assertUnavailable(
    assert: any,
    answers: { name: string; answer: Probe }[],
    when: string
  ) {
    const tally = new Map<string, number>()
    const wrong: string[] = []
    for (const { name, answer } of answers) {
      const retryAfter = answer.headers?.get('retry-after') ?? ''
      const ok =
        answer.status === 503 &&
        (name === 'health'
          ? answer.body?.db === 'down'
          : answer.body?.errors?.[0]?.code === 'E_UNAVAILABLE' && /^\d+$/.test(retryAfter))
      const seen = `${name}: ${outcome(answer)}${retryAfter ? ` (Retry-After ${retryAfter})` : ''}`
      tally.set(seen, (tally.get(seen) ?? 0) + 1)
      if (!ok) wrong.push(`${seen} after ${Math.round(answer.ms)} ms`)
    }
    const summary = [...tally].map(([seen, count]) => `${count} × ${seen}`).join('; ')
    assert.lengthOf(
      wrong,
      0,
      `${when}: ${wrong.length} of ${answers.length} not a 503 E_UNAVAILABLE: ${summary}`
    )
  }

  async function assertServing(assert: any, when: string) {
    const answers = await wave(1, 30_000)
    for (const { name, answer } of answers) {
      assert.include([200, 201], answer.status, `${when}, ${name}: ${outcome(answer)}`)
    }
  }

  const healthy = async () =>
    (await probe(base, 'GET', '/api/health', { timeoutMs: 5000 })).status === 200

  group.setup(async () => {
    cluster = await PgCluster.create()
    try {
      await migrateDatabase(cluster.url)
      const client = new pg.Client({ connectionString: cluster.url })
      await client.connect()
      await client.query(
        `INSERT INTO users (email, role, password_hash) VALUES ($1, 'admin', $2)`,
        [EMAIL, await hash.make(PASSWORD)]
      )
      await client.end()

      const port = await freePort()
      base = `http://127.0.0.1:${port}`
      instance = await startInstance(port, {
        TEST_DATABASE_URL: cluster.url,
        SESSION_DRIVER: 'database',
        LOG_LEVEL: 'info',
        DATABASE_POOL_MAX: '4',
        DATABASE_CONNECT_TIMEOUT_MS: String(BOUND_MS),
        DATABASE_ACQUIRE_TIMEOUT_MS: String(BOUND_MS),
        DATABASE_STATEMENT_TIMEOUT_MS: String(BOUND_MS),
        /* the token is read from the database on every request */
        AUTH_TOKEN_CACHE_SECONDS: '0',
      })
      const session = new BrowserSession(base)
      const login = await session.post('/api/auth/login', { email: EMAIL, password: PASSWORD })
      if (login.status !== 200) throw new Error(`login answered ${login.status}`)
      const minted = await session.post('/api/auth/tokens', { name: 'faults' })
      if (minted.status !== 201) throw new Error(`token answered ${minted.status}`)
      token = minted.body.token
      cookies = ['mc_session', 'XSRF-TOKEN']
        .map((name) => `${name}=${session.cookie(name)}`)
        .join('; ')
    } catch (error) {
      await cluster.destroy()
      throw error
    }
    return async () => {
      instance?.child.kill('SIGKILL')
      if (instance) await exited(instance.child)
      await cluster.destroy()
    }
  })

  test('frozen: every request answers 503 E_UNAVAILABLE within the bound, then recovers', async ({
    assert,
  }) => {
    await assertServing(assert, 'before the freeze')
    const logFrom = instance.output().length

    cluster.freeze()
    let first: { name: string; answer: Probe }[]
    let second: { name: string; answer: Probe }[]
    try {
      // the pool's connections hang on their statements; then more requests than the pool holds
      first = await wave(1, ANSWER_WITHIN_MS)
      second = await wave(4, ANSWER_WITHIN_MS)
    } finally {
      cluster.thaw()
    }
    const health = [...first, ...second].filter(({ name }) => name === 'health')
    console.log(
      `    frozen: answers after ${JSON.stringify(spread([...first, ...second].map(({ answer }) => answer.ms)))} ms ` +
        `over ${first.length + second.length} requests; health ${JSON.stringify(spread(health.map(({ answer }) => answer.ms)))} ms`
    )
    // answered while the database was still frozen: a request waiting for the thaw timed out above
    assertUnavailable(assert, first, 'frozen')
    assertUnavailable(assert, second, 'frozen, pool exhausted')

    assert.isTrue(await waitFor(healthy, 30_000), 'healthy again after the thaw')
    await assertServing(assert, 'after the thaw')

    // one warning for the freeze, one line when it is over, no error per request
    const lines = logLines(instance.output(), logFrom)
    const summary = lines.map((line) => `${line.level}: ${line.msg}`).join(' | ')
    assert.lengthOf(
      lines.filter((line) => line.level >= 50),
      0,
      summary
    )
    assert.lengthOf(
      lines.filter((line) => line.level === 40),
      1,
      summary
    )
    assert.match(lines.find((line) => line.level === 40)!.msg, /database unavailable/i)
    assert.lengthOf(
      lines.filter((line) => line.level === 30 && /database available again/i.test(line.msg)),
      1,
      summary
    )
  }).timeout(120_000)

  test('a statement stuck behind a lock is cancelled by the statement timeout: 503, not a hang', async ({
    assert,
  }) => {
    const locker = new pg.Client({ connectionString: cluster.url })
    locker.on('error', () => {})
    await locker.connect()
    try {
      await locker.query('BEGIN')
      await locker.query('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE')
      const [board, write] = await Promise.all([
        requests['board (token)'](ANSWER_WITHIN_MS),
        requests['write (token)'](ANSWER_WITHIN_MS),
      ])
      console.log(
        `    behind a lock: board ${outcome(board)} after ${Math.round(board.ms)} ms, write ${outcome(write)} after ${Math.round(write.ms)} ms`
      )
      assertUnavailable(
        assert,
        [
          { name: 'board (token)', answer: board },
          { name: 'write (token)', answer: write },
        ],
        'behind a lock'
      )
    } finally {
      await locker.query('ROLLBACK').catch(() => {})
      await locker.end()
    }
    await assertServing(assert, 'once the lock is gone')
    // (a healthy check ends the outage those 503s opened, before the next test reads the log)
    assert.isTrue(await waitFor(healthy, 30_000))
  }).timeout(60_000)

  test('killed and stopped: 503 (never 500), one warning per outage, no acknowledged write lost', async ({
    assert,
  }) => {
    const logFrom = instance.output().length
    const acknowledged: string[] = []
    const statuses = new Map<string, number>()
    const unexpected: string[] = []
    let writing = true
    let sequence = 0
    // a steady writer across both outages
    const writer = (async () => {
      while (writing) {
        const answer = await probe(base, 'POST', '/api/tasks', {
          token,
          body: { title: `steady write ${++sequence}` },
          timeoutMs: ANSWER_WITHIN_MS,
        })
        statuses.set(String(answer.status), (statuses.get(String(answer.status)) ?? 0) + 1)
        if (answer.status === 201) acknowledged.push(answer.body.id)
        else if (answer.status !== 503) {
          // what it was, for the failure's message
          const said = answer.body?.errors?.[0]?.message ?? String(answer.body ?? '').slice(0, 200)
          unexpected.push(`${outcome(answer)} after ${Math.round(answer.ms)} ms: ${said}`)
        }
        await sleep(100)
      }
    })()

    const during: { name: string; answer: Probe }[] = []
    try {
      await sleep(1000)
      // statements in flight when it dies: the token check, the session read and the login
      // wait on locks held by another session (shorter than the statement timeout)
      const locker = new pg.Client({ connectionString: cluster.url })
      locker.on('error', () => {})
      await locker.connect()
      await locker.query('BEGIN')
      await locker.query(
        'LOCK TABLE auth_access_tokens, sessions, users, rate_limits IN ACCESS EXCLUSIVE MODE'
      )
      const inFlight = Promise.all(
        Object.entries(requests)
          .filter(([name]) => name !== 'health')
          .map(([name, send]) => send(ANSWER_WITHIN_MS).then((answer) => ({ name, answer })))
      )
      await sleep(BOUND_MS / 3)
      // kill -9: in-flight statements lose their connection, new ones are refused
      await cluster.crash()
      during.push(...(await inFlight))
      for (let round = 0; round < 3; round++) {
        during.push(...(await wave(2, ANSWER_WITHIN_MS)))
        await sleep(300)
      }
      await cluster.start()
      assert.isTrue(await waitFor(healthy, 30_000), 'healthy after the restart')
      // a failure within a second of a recovery still belongs to the outage that ended
      await sleep(2500)

      // a clean stop: sessions are ended by the server (57P01), then nothing listens
      await cluster.stop('fast')
      for (let round = 0; round < 3; round++) {
        during.push(...(await wave(2, ANSWER_WITHIN_MS)))
        await sleep(300)
      }
      await cluster.start()
      assert.isTrue(await waitFor(healthy, 30_000), 'healthy after the second start')
      await sleep(1000)
    } finally {
      writing = false
      await writer
    }
    // nothing acknowledged is lost
    const client = new pg.Client({ connectionString: cluster.url })
    await client.connect()
    const { rows } = await client.query('SELECT id FROM tasks WHERE id = ANY($1::uuid[])', [
      acknowledged,
    ])
    await client.end()

    // the log: a warning when each outage starts, an info when it ends, no error per request
    const lines = logLines(instance.output(), logFrom)
    const errors = lines.filter((line) => line.level >= 50)
    const warnings = lines.filter((line) => line.level === 40)
    const started = warnings.filter((line) => /database unavailable/i.test(line.msg))
    const recovered = lines.filter(
      (line) => line.level === 30 && /database available again/i.test(line.msg)
    )
    console.log(
      `    down twice: ${during.length} requests, ${during.filter(({ answer }) => answer.status === 503).length} answered 503 ` +
        `(${JSON.stringify(spread(during.map(({ answer }) => answer.ms)))} ms); steady writer ` +
        `${JSON.stringify(Object.fromEntries(statuses))}, ${acknowledged.length} acknowledged, ${rows.length} present; ` +
        `log: ${warnings.length} warnings, ${recovered.length} recoveries, ${errors.length} errors`
    )

    assertUnavailable(assert, during, 'database down')
    assert.lengthOf(unexpected, 0, `the steady writer got: ${unexpected.join(' | ')}`)
    assert.equal(rows.length, acknowledged.length, 'every acknowledged write is in the database')
    assert.lengthOf(errors, 0, `error lines: ${errors.map((line) => line.msg).join(' | ')}`)
    assert.lengthOf(started, 2, `warnings: ${warnings.map((line) => line.msg).join(' | ')}`)
    assert.lengthOf(warnings, 2, `warnings: ${warnings.map((line) => line.msg).join(' | ')}`)
    assert.lengthOf(recovered, 2)
    await assertServing(assert, 'after both outages')
  }).timeout(150_000)
})
