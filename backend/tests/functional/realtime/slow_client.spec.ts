import { test } from '@japa/runner'
import { connect, type Socket } from 'node:net'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { SseClient } from '#tests/helpers/sse_client'
import { CUT_CHANNEL } from '#services/realtime_streams'

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

/**
 * A client as slow as can be: it opens its stream over a raw socket, reads
 * the answer's head, then stops reading (until `resume`).
 */
async function stalledStream(token: string, uid: string) {
  const socket: Socket = connect(Number(process.env.PORT), process.env.HOST)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  socket.write(
    `GET /__transmit/events?uid=${uid} HTTP/1.1\r\nHost: ${process.env.HOST}\r\n` +
      `Authorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`
  )
  let text = ''
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.on('data', (chunk) => (text += chunk.toString('utf8')))
  await new Promise<void>((resolve) => {
    const check = () => (text.includes(':ok') ? resolve() : setTimeout(check, 10))
    check()
  })
  socket.pause()
  return { socket, closed, received: () => text }
}

test.group('Realtime: a client that falls behind', (group) => {
  let actors: Actors
  const previous = process.env.REALTIME_MAX_BEHIND
  group.setup(async () => {
    actors = await makeActors()
    process.env.REALTIME_MAX_BEHIND = '20'
    return () => {
      if (previous === undefined) delete process.env.REALTIME_MAX_BEHIND
      else process.env.REALTIME_MAX_BEHIND = previous
    }
  })

  test('is cut with the reason as its last message, while the others get every envelope', async ({
    assert,
    cleanup,
  }) => {
    const uid = randomUUID()
    const slow = await stalledStream(actors.tokens.admin!, uid)
    cleanup(() => {
      slow.socket.destroy()
    })
    const subscribed = await call(actors.tokens.admin, 'POST', '/__transmit/subscribe', {
      uid,
      channel: 'events',
    })
    assert.equal(subscribed.status, 204)

    const reader = new SseClient(BASE(), { token: actors.tokens.operator! })
    cleanup(() => reader.close())
    assert.equal((await reader.subscribe('events')).status, 204)

    // about 12 MB of envelopes: more than the socket buffers hold for the stalled client
    const type = `note.bulk_${randomUUID().slice(0, 8)}`
    const COUNT = 200
    for (let i = 0; i < COUNT; i++) {
      const posted = await call(actors.tokens.admin, 'POST', '/api/events', {
        event_type: type,
        payload: { i, text: 'x'.repeat(60_000) },
      })
      assert.equal(posted.status, 201)
      // a reader that keeps up: never more than a few envelopes behind (the limit is 20 for
      // every stream; on a loaded machine an unpaced reader in this process fell behind too)
      if (i >= 5) {
        const caughtUp = await reader.waitFor(
          'events',
          (e) => e.type === type && e.payload.i === i - 5,
          15_000
        )
        assert.isNotNull(caughtUp, `the reader received envelope ${i - 5}`)
      }
    }

    // the reader got all of them, in order (12 MB to parse: on a loaded machine it takes a while)
    const last = await reader.waitFor(
      'events',
      (e) => e.type === type && e.payload.i === COUNT - 1,
      15_000
    )
    assert.isNotNull(last)
    const mine = reader.received.filter((m) => m.channel === 'events' && m.payload.type === type)
    assert.deepEqual(
      mine.map((m) => m.payload.payload.i),
      Array.from({ length: COUNT }, (_, i) => i)
    )

    // the stalled client, reading again, finds its backlog ended by the notice
    slow.socket.resume()
    const deadline = Date.now() + 10_000
    while (!slow.received().includes('E_TOO_SLOW') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const text = slow.received()
    assert.include(text, CUT_CHANNEL)
    assert.match(text, /fell \d+ messages behind \(at most 20\)/)
    const delivered = (text.match(new RegExp(`"type":"${type}"`, 'g')) ?? []).length
    assert.isBelow(delivered, COUNT, 'it was cut before the end, not sent everything')

    // its stream is gone from the server: a subscribe for its uid finds nothing
    await slow.closed.catch(() => {})
    const gone = await call(actors.tokens.admin, 'POST', '/__transmit/subscribe', {
      uid,
      channel: 'events',
    })
    assert.equal(gone.status, 404)
  }).timeout(120_000)
})
