import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { Bus } from '@boringnode/bus'
import { RealtimeRedisTransport } from '#services/realtime_transport'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/* The bus Transmit builds around a transport: messages that fail are retried on reconnect. */
const busOver = (url: string) =>
  new Bus(new RealtimeRedisTransport(url), { retryQueue: { enabled: true } })

test.group('Realtime: the Redis transport through an outage', () => {
  test('messages sent while Redis is down arrive once it is up; disconnect never hangs', async ({
    assert,
    cleanup,
  }) => {
    const port = await freePort()
    const url = `redis://127.0.0.1:${port}`
    const sender = busOver(url)
    const receiver = busOver(url)
    const received: unknown[] = []
    await receiver.subscribe('chan', (message) => {
      received.push(message)
    })

    assert.isFalse(await sender.publish('chan', { n: 1 }), 'nothing listens on the port yet')

    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' }
    )
    cleanup(() => {
      redis.kill('SIGKILL')
    })
    // reconnection backs off; on a loaded machine it can take a while
    for (let i = 0; i < 150 && !received.length; i++) await sleep(100)
    assert.isTrue(await sender.publish('chan', { n: 2 }))
    for (let i = 0; i < 100 && received.length < 2; i++) await sleep(50)
    assert.deepEqual(received, [{ n: 1 }, { n: 2 }])

    redis.kill('SIGKILL')
    await sleep(200)
    const started = Date.now()
    await Promise.all([sender.disconnect(), receiver.disconnect()])
    assert.isBelow(Date.now() - started, 1000)
  }).timeout(40_000)
})
