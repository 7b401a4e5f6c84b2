import { test } from '@japa/runner'
import { connect, type Socket } from 'node:net'
import { parse } from 'csv-parse/sync'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { Role } from '#enums/roles'
import { SYSTEM } from '#services/change_recorder'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'
import { PASSWORD, makeUser } from '#tests/helpers/users'
import { outcome, probe } from '#tests/helpers/probes'
import { seedLeads } from '../../../plugins/leads/actions/seed_leads.js'

/*
| Issue 13, item 4: ten CSV exports whose clients never read used to hold
| every connection of the API's pool, and every other request (health
| included) waited 60 s for one, then answered 500. Here an API instance of
| its own (on the shared test database) with exports capped at 4 at once and
| 2 per person, a stalled reader cut after STALL_SECONDS, and a statement
| timeout far shorter than an export takes.
*/
const ROWS = 100_000
const STALL_SECONDS = 15
const MAX_EXPORTS = 4
const MAX_PER_USER = 2

/**
 * The COPY statements of this database still running on the server: their
 * client backends (a parallel plan's workers show the same query).
 */
async function runningCopies(): Promise<number> {
  const { rows } = await db.rawQuery(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND backend_type = 'client backend' AND query ILIKE 'COPY (select%'`
  )
  return rows[0].n
}

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(200)
  }
  return false
}

interface RawExport {
  socket: Socket
  status: number
  head: string
  body: Buffer
}

/**
 * A client that asks for the export and reads the answer's head, then
 * stops reading (a 200's body stays on the wire); a refusal is read whole.
 */
function stalledExport(port: number, token: string, query: string): Promise<RawExport> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let buffered = Buffer.alloc(0)
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk])
      const end = buffered.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = buffered.subarray(0, end).toString()
      const status = Number(head.split(' ')[1])
      if (status === 200) {
        socket.off('data', onData)
        socket.pause()
        return resolve({ socket, status, head, body: buffered.subarray(end + 4) })
      }
      const length = Number(head.match(/content-length: *(\d+)/i)?.[1] ?? Number.NaN)
      if (buffered.length - end - 4 >= length) {
        socket.off('data', onData)
        socket.destroy()
        resolve({ socket, status, head, body: buffered.subarray(end + 4) })
      }
    }
    socket.on('data', onData)
    socket.once('error', reject)
    socket.write(
      `GET /api/leads/export.csv?${query} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        `Authorization: Bearer ${token}\r\nConnection: close\r\n\r\n`
    )
  })
}

/** Reads what is left of a stalled answer, up to the connection's end. */
function readRest(socket: Socket): Promise<{ bytes: number; tail: string }> {
  return new Promise((resolve) => {
    let bytes = 0
    let tail = ''
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      tail = (tail + chunk.toString('latin1')).slice(-16)
    })
    socket.once('close', () => resolve({ bytes, tail }))
    socket.resume()
  })
}

const header = (head: string, name: string) =>
  head.match(new RegExp(`^${name}: *(.*)$`, 'im'))?.[1]?.trim()

test.group('Leads export: stalled readers cannot starve the API', (group) => {
  const source = `stall-${randomUUID().slice(0, 8)}`
  const query = `source=${source}`
  let port: number
  let base: string
  let users: User[] = []
  let tokens: string[] = []
  let instance: Awaited<ReturnType<typeof startInstance>>

  group.setup(async () => {
    await seedLeads(SYSTEM, { count: ROWS, seed: 13, source })
    users = []
    for (let index = 0; index < 10; index++) {
      users.push(await makeUser(index % 2 ? Role.Operator : Role.Closer))
    }
    tokens = []
    for (const user of users) tokens.push((await User.accessTokens.create(user)).value!.release())
    port = await freePort()
    base = `http://127.0.0.1:${port}`
    instance = await startInstance(port, {
      EXPORT_MAX_CONCURRENT: String(MAX_EXPORTS),
      EXPORT_MAX_PER_USER: String(MAX_PER_USER),
      EXPORT_STALL_SECONDS: String(STALL_SECONDS),
      /* far shorter than a slow download: an export is not an interactive statement */
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
    })
    return async () => {
      instance.child.kill('SIGKILL')
      await exited(instance.child)
      // 100k rows: bulk work, no statement timeout
      await db.connection('bulk').from('leads').where('source', source).delete()
    }
  })

  test('20 stalled exports: refused beyond the caps, and health, login and the board answer', async ({
    assert,
  }) => {
    // ten people, two exports each, all at once, none of them reading
    const settled: (RawExport | null)[] = Array(20).fill(null)
    const pending = Array.from({ length: 20 }, (_, index) =>
      stalledExport(port, tokens[index % 10], query).then((answer) => (settled[index] = answer))
    )
    // every one answers at once, admitted or refused (a bound, not a measure)
    await Promise.race([Promise.all(pending), sleep(15_000)])
    try {
      // everything else answers normally meanwhile (generous bounds: a 2-core machine)
      const [health, login, board, list] = await Promise.all([
        probe(base, 'GET', '/api/health', { timeoutMs: 20_000 }),
        probe(base, 'POST', '/api/auth/login', {
          body: { email: users[0].email, password: PASSWORD },
          timeoutMs: 20_000,
        }),
        probe(base, 'GET', '/api/tasks', { token: tokens[1], timeoutMs: 20_000 }),
        probe(base, 'GET', `/api/leads?${query}`, { token: tokens[2], timeoutMs: 20_000 }),
      ])
      const copies = await runningCopies()
      const admitted = settled.filter((answer) => answer?.status === 200)
      const refused = settled.filter((answer) => answer && answer.status !== 200)
      console.log(
        `    ${admitted.length} exports admitted, ${refused.length} refused, ` +
          `${settled.filter((answer) => !answer).length} without an answer; ` +
          `health ${outcome(health)} in ${Math.round(health.ms)} ms, login ${outcome(login)} in ${Math.round(login.ms)} ms, ` +
          `board ${outcome(board)} in ${Math.round(board.ms)} ms, leads page ${outcome(list)} in ${Math.round(list.ms)} ms; ` +
          `${copies} COPY running`
      )

      assert.isTrue(settled.every(Boolean), 'every export request was answered at once')
      assert.isAtMost(admitted.length, MAX_EXPORTS, 'exports running at once')
      assert.isAtLeast(admitted.length, 1)
      for (const answer of refused) {
        assert.equal(answer!.status, 429)
        assert.match(header(answer!.head, 'retry-after') ?? '', /^\d+$/)
        const body = JSON.parse(answer!.body.toString())
        assert.equal(body.errors[0].code, 'E_TOO_MANY_EXPORTS')
        assert.isString(body.errors[0].message)
      }
      assert.equal(health.status, 200, `health: ${outcome(health)}`)
      assert.equal(login.status, 200, `login: ${outcome(login)}`)
      assert.equal(board.status, 200, `board: ${outcome(board)}`)
      assert.equal(list.status, 200, `leads page: ${outcome(list)}`)
      assert.equal(list.headers!.get('x-total-count'), String(ROWS))
      // ...while the exports were still stalled
      assert.equal(copies, admitted.length, 'the stalled exports still hold their COPY')
    } finally {
      for (const answer of settled) answer?.socket.destroy()
      for (const answer of pending)
        void answer.then((late) => late.socket.destroy()).catch(() => {})
    }
  }).timeout(120_000)

  test('one person gets at most two exports at once', async ({ assert }) => {
    assert.isTrue(await until(async () => (await runningCopies()) === 0, 30_000))
    const exports = await Promise.all(
      Array.from({ length: 3 }, () => stalledExport(port, tokens[3], query))
    )
    try {
      const statuses = exports.map((answer) => answer.status).sort()
      assert.deepEqual(statuses, [200, 200, 429])
      const refused = exports.find((answer) => answer.status === 429)!
      assert.match(header(refused.head, 'retry-after') ?? '', /^\d+$/)
      const body = JSON.parse(refused.body.toString())
      assert.equal(body.errors[0].code, 'E_TOO_MANY_EXPORTS')
      // someone else still gets theirs
      const other = await stalledExport(port, tokens[4], query)
      other.socket.destroy()
      assert.equal(other.status, 200)
    } finally {
      for (const answer of exports) answer.socket.destroy()
    }
  }).timeout(60_000)

  test('a reader that stops reading loses its export; a slow one gets all of it', async ({
    assert,
  }) => {
    assert.isTrue(await until(async () => (await runningCopies()) === 0, 30_000))
    const stalled = await stalledExport(port, tokens[5], query)
    assert.equal(stalled.status, 200)

    // a slow but steady reader: the download takes far longer than the statement timeout
    const started = Date.now()
    const slow = await fetch(`${base}/api/leads/export.csv?${query}`, {
      headers: { authorization: `Bearer ${tokens[6]}` },
    })
    assert.equal(slow.status, 200)
    let text = ''
    const decoder = new TextDecoder()
    let pauses = 0
    for await (const chunk of slow.body!) {
      text += decoder.decode(chunk, { stream: true })
      if (pauses < 12 && text.length > (pauses + 1) * 500_000) {
        pauses++
        await sleep(250)
      }
    }
    const slowSeconds = (Date.now() - started) / 1000
    assert.isAbove(slowSeconds, 3)
    assert.lengthOf(parse(text, { columns: true }), ROWS, 'the slow reader got every row')

    // the stalled one is cut once it has not read for STALL_SECONDS: its COPY ends on the server
    assert.isTrue(
      await until(async () => (await runningCopies()) === 0, (STALL_SECONDS + 30) * 1000),
      'the stalled export was stopped on the server'
    )
    const rest = await readRest(stalled.socket)
    assert.notEqual(rest.tail.slice(-5), '0\r\n\r\n', 'the stalled answer is cut, not complete')

    // its slot came back: the same person exports again, in full
    const again = await fetch(`${base}/api/leads/export.csv?${query}`, {
      headers: { authorization: `Bearer ${tokens[5]}` },
    })
    assert.equal(again.status, 200)
    assert.lengthOf(parse(await again.text(), { columns: true }), ROWS)
    console.log(
      `    slow reader: ${ROWS} rows in ${slowSeconds.toFixed(1)} s; stalled reader cut after ` +
        `${STALL_SECONDS} s with ${(stalled.body.length + rest.bytes) / 1e6} MB received`
    )
  }).timeout(150_000)
})
