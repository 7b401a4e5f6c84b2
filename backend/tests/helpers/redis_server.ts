import { spawn, type ChildProcess } from 'node:child_process'
import { createConnection } from 'node:net'

/** Whether a Redis answers PING on this port. */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

/**
 * A redis-server of the test's own on `port` (never the shared one), with
 * no persistence: stopped with kill -9 and started again on the same port
 * to play an outage.
 */
export class OwnRedis {
  #process: ChildProcess | null = null

  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`
  }

  async start() {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' }
    )
    this.#process = child
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`)
      if (await redisAnswers(this.port)) return this
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`redis-server did not answer on ${this.port}`)
  }

  /** kill -9, and wait until it is gone. */
  async kill() {
    const child = this.#process
    this.#process = null
    if (!child || child.exitCode !== null) return
    const gone = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await gone
  }
}
