import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { connectionUrl } from '#config/database'
import { realtimeChannel } from '#config/transmit'
import { APP_ROOT } from '../../runtime/prepare.js'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Another API instance on its own port, sharing this run's test database,
 * Redis and realtime channel (see helpers/api_instance.ts for why it is not
 * bin/server.ts).
 */
export async function startInstance(port: number, overrides: NodeJS.ProcessEnv = {}) {
  const child = spawn(
    process.execPath,
    ['--import=ts-node-maintained/register/esm', 'backend/tests/helpers/api_instance.ts'],
    {
      cwd: APP_ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        TEST_DATABASE_URL: connectionUrl(),
        REDIS_URL: process.env.REDIS_URL,
        REALTIME_CHANNEL: realtimeChannel,
        LOG_LEVEL: 'warn',
        /* tests stop instances often: no draining pause unless a test asks for one */
        SHUTDOWN_DRAIN_SECONDS: '0',
        ...overrides,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the instance exited:\n${output}`)
    /* the app is up once routes and auth answer */
    const probe = await fetch(`http://127.0.0.1:${port}/api/auth/me`).catch(() => null)
    if (probe?.status === 401) return { child, output: () => output }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`the instance did not answer within 60 s:\n${output}`)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function exited(child: ChildProcess) {
  return new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
  })
}
