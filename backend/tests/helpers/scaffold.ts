/**
 * For the tests of the scaffolding commands (make:plugin, make:agent): run
 * `node ace` in a child process, and give the generated plugin's own test
 * run a database and a port of its own.
 */
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { promisify } from 'node:util'
import pg from 'pg'
import app from '@adonisjs/core/services/app'
import type { BaseCommand } from '@adonisjs/core/ace'
import { connectionUrl } from '#config/database'

const run = promisify(execFile)

/** Runs `node ace ...` in a child process; resolves with the exit code and output, never rejects. */
export async function ace(argv: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['ace', ...argv, '--no-ansi'], {
      cwd: app.makePath(),
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    })
    return { code: 0, output: `${stdout}\n${stderr}` }
  } catch (error: any) {
    return { code: Number(error.code ?? 1), output: `${error.stdout}\n${error.stderr}` }
  }
}

/** Runs a command in this process, output captured. */
export async function runCommand(command: typeof BaseCommand, argv: string[]) {
  const kernel = await app.container.make('ace')
  kernel.ui.switchMode('raw')
  const instance = await kernel.create(command, argv)
  await instance.exec()
  return instance
}

/**
 * The generated test runs in a child whose test runner drops and migrates its
 * database: give it one of its own, next to this run's, so neither destroys
 * the other's.
 */
export async function scaffoldDatabaseUrl(suffix = 'scaffold') {
  const url = new URL(connectionUrl())
  const name = `${url.pathname.slice(1)}_${suffix}`
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected test database name ${name}`)

  const server = new URL(url)
  server.pathname = '/postgres'
  const client = new pg.Client({ connectionString: server.href })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  url.pathname = `/${name}`
  return url.href
}

/** A port nobody listens on, so the child's HTTP server does not collide with another run's. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** The environment of the child running a generated plugin's test. */
export async function childTestEnv(plugin: string, databaseSuffix?: string) {
  /* when PLUGINS limits the plugins, the new one must be on the list */
  const enabled = process.env.PLUGINS?.trim()
  return {
    TEST_DATABASE_URL: await scaffoldDatabaseUrl(databaseSuffix),
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    /* a scaffolded plugin's test serves no admin: never rebuild the shared admin/dist with it */
    SKIP_ADMIN_BUILD: '1',
    ...(enabled === 'none'
      ? { PLUGINS: plugin }
      : enabled && enabled !== '*'
        ? { PLUGINS: `${enabled},${plugin}` }
        : {}),
  }
}
