import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_ROOT } from '../../runtime/prepare.js'

/**
 * The README's start command on a machine with no DATABASE_URL: an embedded
 * PostgreSQL is created, the first admin is printed and can log in, and a
 * restart keeps the data.
 */
function start(dataDir: string, port: number, pgPort: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    SKIP_ADMIN_BUILD: '1',
    LOG_LEVEL: 'warn',
  }
  for (const name of [
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'ADMIN_PASSWORD',
    'ADMIN_EMAIL',
    'APP_KEY',
    'SESSION_DRIVER',
    'REDIS_URL',
  ]) {
    delete env[name]
  }
  const child = spawn(process.execPath, ['scripts/start.js'], {
    cwd: APP_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 120 s:\n${output}`)), 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Mission Control is running at')) {
        clearTimeout(timer)
        setTimeout(() => resolve(output), 200)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
  })
  return { child, ready }
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

async function login(port: number, email: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return response.status
}

/** The seeded board, read through the API with a personal token. */
async function demoBoard(port: number, email: string, password: string) {
  const base = `http://127.0.0.1:${port}/api`
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0])
  const xsrf = decodeURIComponent(cookies.find((c) => c.startsWith('XSRF-TOKEN='))!.split('=')[1])
  const minted = await fetch(`${base}/auth/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cookie': cookies.join('; '),
      'x-xsrf-token': xsrf,
    },
    body: JSON.stringify({ name: 'e2e' }),
  })
  const { token } = (await minted.json()) as { token: string }
  const headers = { authorization: `Bearer ${token}` }
  const tasks = await (await fetch(`${base}/tasks?_end=100`, { headers })).json()
  const agents = await (await fetch(`${base}/agents?_end=100`, { headers })).json()
  const drafts = await (await fetch(`${base}/drafts?_end=100`, { headers })).json()
  const leads = await fetch(`${base}/leads?_end=1`, { headers })
  return {
    tasks: tasks as any[],
    agents: (agents as any[]).map((agent) => agent.name),
    drafts: drafts as any[],
    leads: Number(leads.headers.get('x-total-count')),
  }
}

test.group('The start command', () => {
  test('starts on an embedded PostgreSQL, prints a working admin login, and keeps data across restarts', async ({
    assert,
    cleanup,
  }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mc-start-'))
    // as root, PostgreSQL runs as the postgres user, which must reach the folder
    chmodSync(dataDir, 0o755)
    cleanup(() => rmSync(dataDir, { recursive: true, force: true }))
    const port = 4600 + Math.floor(Math.random() * 200)
    const pgPort = 55400 + Math.floor(Math.random() * 200)

    const first = start(dataDir, port, pgPort)
    cleanup(() => stop(first.child))
    const banner = await first.ready
    const match = banner.match(/First admin: (\S+) \/ (\S+)/)
    assert.exists(match, banner)
    const [, email, password] = match!

    const health = await fetch(`http://127.0.0.1:${port}/api/health`)
    assert.equal(health.status, 200)
    assert.deepEqual(await health.json(), { status: 'ok', db: 'ok', redis: 'disabled' })
    assert.equal(await login(port, email, password), 200)
    assert.equal(await login(port, email, 'wrong password'), 401)

    const board = await demoBoard(port, email, password)
    assert.equal(board.tasks.length, 20)
    assert.isTrue(board.tasks.every((task: any) => task.column === 'backlog'))
    assert.includeMembers(board.agents, ['orchestrator', 'lead_finder', 'enricher', 'copywriter'])
    assert.isAtLeast(board.leads, 200)
    const statuses = new Set(board.drafts.map((draft: any) => draft.status))
    assert.includeMembers([...statuses], ['needs_approval', 'approved', 'draft'])
    assert.isTrue(board.drafts.some((draft: any) => draft.current_version > 1))
    await stop(first.child)

    const second = start(dataDir, port, pgPort)
    cleanup(() => stop(second.child))
    const again = await second.ready
    assert.notMatch(again, /First admin:/)
    assert.equal(await login(port, email, password), 200)
    const reseeded = await demoBoard(port, email, password)
    assert.equal(reseeded.tasks.length, 20, 'a restart does not seed twice')
    assert.equal(reseeded.agents.length, board.agents.length)
    assert.equal(reseeded.drafts.length, board.drafts.length)
    assert.equal(reseeded.leads, board.leads)
    await stop(second.child)
  }).timeout(240_000)
})
