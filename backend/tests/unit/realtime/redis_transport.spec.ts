import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { freePort } from '#tests/helpers/instances'
import { Bus } from '@boringnode/bus'
import { RealtimeRedisTransport } from '#services/realtime_transport'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/* The bus Transmit builds around a transport: messages that fail are retried on reconnect. */
const busOver = (url: string) =>
  new Bus(new RealtimeRedisTransport(url), { retryQueue: { enabled: true } })

test.group('Realtime: the Redis transport through an outage', () => {
  test('an outage neither crashes nor hangs the bus; messages flow again once Redis is up', async ({
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
    /* once both ends have reconnected, a new message gets through; the one sent during the
       outage is delivered when the reconnect wins the race, which is not promised */
    let delivered = false
    for (let i = 0; i < 300 && !delivered; i++) {
      await sender.publish('chan', { n: 2 })
      await sleep(100)
      delivered = received.some((message: any) => message?.n === 2)
    }
    assert.isTrue(delivered, 'messages flow again after the outage')

    redis.kill('SIGKILL')
    await sleep(200)
    const started = Date.now()
    await Promise.all([sender.disconnect(), receiver.disconnect()])
    assert.isBelow(Date.now() - started, 1000)
  }).timeout(40_000)
})
