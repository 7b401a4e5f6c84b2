/**
 * Shared bench plumbing: a dedicated database, the real server started as a
 * child process (as in production), an admin token, and small statistics.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const APP_ROOT = fileURLToPath(new URL('../', import.meta.url))
/** `node ace build`'s output: the benches measure the compiled server, as production runs it. */
export const BUILD_DIR = fileURLToPath(new URL('../build/', import.meta.url))

/** Compiles the server (as the Docker image does) unless BENCH_FROM_SOURCE=1. */
export function buildServer() {
  if (process.env.BENCH_FROM_SOURCE === '1') return
  console.log('compiling the server (node ace build)...')
  const result = spawnSync(process.execPath, ['ace', 'build'], { cwd: APP_ROOT, stdio: 'pipe' })
  if (result.status !== 0) {
    throw new Error(`node ace build failed:\n${result.stdout}\n${result.stderr}`)
  }
}

export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/mc_bench'

/** Creates the bench database if it does not exist. */
export async function ensureBenchDatabase(url = BENCH_DATABASE_URL) {
  const target = new URL(url)
  const name = target.pathname.slice(1)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`)
  await client.end()
}

/**
 * VACUUM ANALYZE of the tables a bench churns, before it measures. A
 * PostgreSQL with autovacuum off (as on the CI machines) or behind on it
 * keeps every dead row version: a counter row updated a million times, a
 * card moved thousands of times. A bench measures a database kept as
 * autovacuum keeps a normal one.
 */
export async function vacuum(tables: string[], url = BENCH_DATABASE_URL) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`VACUUM ANALYZE ${tables.map((t) => `"${t.replace(/"/g, '')}"`).join(', ')}`)
  } finally {
    await client.end()
  }
}

export interface RunningServer {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** Starts bin/server.ts against the bench database; resolves when it listens. */
export function startServer(
  port: number,
  env: Record<string, string> = {},
  nodeArgs: string[] = []
): Promise<RunningServer> {
  const compiled = process.env.BENCH_FROM_SOURCE !== '1'
  const child = spawn(
    process.execPath,
    compiled
      ? [...nodeArgs, 'bin/server.js']
      : [...nodeArgs, '--import=ts-node-maintained/register/esm', 'bin/server.ts'],
    {
      cwd: compiled ? BUILD_DIR : APP_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: BENCH_DATABASE_URL,
        LOG_LEVEL: 'warn',
        ADMIN_EMAIL: 'bench@example.com',
        ADMIN_PASSWORD: 'quiet harbour measures twice',
        APP_KEY: 'bench-key-bench-key-bench-key-1234',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Mission Control is running')) {
        clearTimeout(timer)
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
}

/** A personal access token of the bench admin (created on first run from ADMIN_EMAIL/PASSWORD). */
export async function adminToken(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'quiet harbour measures twice' }),
  })
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`)
  const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  const xsrf = decodeURIComponent(cookies.find((c) => c.startsWith('XSRF-TOKEN='))!.split('=')[1])
  const minted = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cookie': cookies.join('; '),
      'x-xsrf-token': xsrf,
    },
    body: JSON.stringify({ name: 'bench' }),
  })
  return ((await minted.json()) as { token: string }).token
}

export function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function report(rows: [string, string | number][]) {
  const width = Math.max(...rows.map(([label]) => label.length))
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
}
