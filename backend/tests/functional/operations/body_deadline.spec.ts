import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { bodyTimeout, trickle } from '#tests/helpers/slow_requests'
import {
  bodyDeadline,
  createHttpServer,
  HEADERS_TIMEOUT_MS,
  MAX_BODY_SECONDS,
} from '../../../runtime/http_server.js'

test.group('HTTP: a request body has HTTP_BODY_TIMEOUT_SECONDS to arrive', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('a JSON body trickled past the deadline is answered 408 in the error shape, the connection closed, nothing written', async ({
    assert,
    cleanup,
  }) => {
    bodyTimeout('1', cleanup)
    const title = `slow ${Date.now()}`
    const body = JSON.stringify({ title })
    const pieces = body.match(/.{1,4}/g)!
    const slow = trickle(
      `POST /api/tasks HTTP/1.1\r\nHost: ${process.env.HOST}\r\n` +
        `Authorization: Bearer ${actors.tokens.admin}\r\nContent-Type: application/json\r\n`,
      pieces,
      400
    )
    cleanup(slow.stop)
    await slow.closed
    assert.match(slow.answer(), /^HTTP\/1\.1 408 Request Timeout/)
    const json = JSON.parse(slow.answer().split('\r\n\r\n')[1])
    assert.equal(json.errors[0].code, 'E_REQUEST_TIMEOUT')
    assert.isNull(await db.from('tasks').where('title', title).first())

    // the same body sent at once is served
    const fast = await call(actors.tokens.admin, 'POST', '/api/tasks', { title })
    assert.equal(fast.status, 201)
  }).timeout(20_000)

  test('a body that arrives within the deadline, however slowly, is served', async ({
    assert,
    cleanup,
  }) => {
    bodyTimeout('3', cleanup)
    const title = `patient ${Date.now()}`
    const body = JSON.stringify({ title })
    const slow = trickle(
      `POST /api/tasks HTTP/1.1\r\nHost: ${process.env.HOST}\r\n` +
        `Authorization: Bearer ${actors.tokens.admin}\r\nContent-Type: application/json\r\n`,
      [body.slice(0, 5), body.slice(5, 12), body.slice(12)],
      300
    )
    await slow.closed
    assert.match(slow.answer(), /^HTTP\/1\.1 201/)
    assert.isOk(await db.from('tasks').where('title', title).first())
  }).timeout(20_000)

  test('headers keep their own 60 s limit, and a deadline too long for a timer is held to the longest one', async ({
    assert,
    cleanup,
  }) => {
    const server = createHttpServer(() => {})
    // Node derives headersTimeout from requestTimeout: 0 would leave slow headers unlimited
    assert.equal(server.requestTimeout, 0)
    assert.equal(server.headersTimeout, HEADERS_TIMEOUT_MS)
    bodyTimeout('99999999999', cleanup)
    assert.equal(bodyDeadline.ms, MAX_BODY_SECONDS * 1000)
    assert.isBelow(bodyDeadline.ms, 2 ** 31)
  })
})
