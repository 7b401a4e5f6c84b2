import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#exceptions/handler'
import { Role } from '#enums/roles'
import User from '#models/user'
import { makeUser } from '#tests/helpers/users'
import { BrowserSession } from '#tests/helpers/browser_session'

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`
const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000'

/** Every registered route with its params filled in, host and plugins alike. */
function everyRoute() {
  const routes = Object.values(router.toJSON()).flat()
  return routes.flatMap((route) =>
    route.methods
      .filter((method) => method !== 'HEAD')
      .map((method) => ({
        method,
        pattern: route.pattern,
        url: route.pattern.replace(/\*/g, 'anything').replace(/:(\w+)\??/g, (_, name) => {
          const matcher = (route.matchers as Record<string, { match?: RegExp }>)[name]?.match
          return !matcher || matcher.test(SAMPLE_UUID) ? SAMPLE_UUID : '1'
        }),
      }))
  )
}

async function send(method: string, url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${BASE()}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : body,
  })
  const text = await response.text()
  return { status: response.status, text }
}

function assertErrorShape(assert: any, text: string, context: string) {
  const json = JSON.parse(text)
  assert.isArray(json.errors, context)
  assert.isString(json.errors[0].message, context)
}

test.group('Errors: malformed and oversized input never answer 500', (group) => {
  let token: string

  group.setup(async () => {
    const admin = await makeUser(Role.Admin)
    token = (await User.accessTokens.create(admin)).value!.release()
  })

  test('the route table is not empty (host and plugins)', ({ assert }) => {
    const patterns = everyRoute().map((r) => r.pattern)
    assert.include(patterns, '/api/auth/login')
    assert.include(patterns, '/api/users/:id')
    assert.isAbove(patterns.length, 10)
  })

  test('malformed JSON answers 400 on every route that takes a body', async ({ assert }) => {
    for (const route of everyRoute()) {
      for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<
        string,
        string
      >[]) {
        const { status, text } = await send(
          route.method,
          route.url,
          '{"email": "a@b.c", oops',
          headers
        )
        const context = `${route.method} ${route.pattern} -> ${status} ${text.slice(0, 200)}`
        assert.isBelow(status, 500, context)
        if (route.method !== 'GET') {
          assert.equal(status, 400, context)
          assert.equal(JSON.parse(text).errors[0].code, 'E_MALFORMED_JSON', context)
        }
      }
    }
  }).timeout(60_000)

  test('a body over 1 MB answers 413 on every route that takes a body', async ({ assert }) => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })
    for (const route of everyRoute()) {
      const { status, text } = await send(route.method, route.url, big, {
        authorization: `Bearer ${token}`,
      })
      const context = `${route.method} ${route.pattern} -> ${status} ${text.slice(0, 200)}`
      assert.isBelow(status, 500, context)
      if (route.method !== 'GET') {
        assert.equal(status, 413, context)
        assertErrorShape(assert, text, context)
      }
    }
  }).timeout(60_000)

  test('wrong JSON types and junk queries answer 4xx on every route', async ({ assert }) => {
    const bodies = [
      '[]',
      '"text"',
      '123',
      'null',
      '{"email":{"$gt":""},"role":[1],"name":null,"password":1}',
    ]
    for (const route of everyRoute()) {
      for (const body of bodies) {
        const { status, text } = await send(
          route.method,
          `${route.url}?_start=-1&_end=abc&_sort[x]=1&q[]=a`,
          body,
          { authorization: `Bearer ${token}` }
        )
        assert.isBelow(
          status,
          500,
          `${route.method} ${route.pattern} ${body} -> ${status} ${text.slice(0, 200)}`
        )
      }
    }
  }).timeout(60_000)
})

test.group('Errors: the contract shape everywhere', () => {
  test('an unknown route answers 404 with the error shape, for any method', async ({ assert }) => {
    const anonymous = new BrowserSession()
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      const response = await anonymous.request(
        method,
        '/api/no-such-thing',
        method === 'GET' ? undefined : {}
      )
      assert.equal(response.status, 404, method)
      assert.equal(response.body.errors[0].code, 'E_NOT_FOUND')
    }
  })

  test('an unexpected error is logged with a request id and answered without internals', async ({
    assert,
  }) => {
    const ctx = await testUtils.createHttpContext()
    const handler = new HttpExceptionHandler()
    await handler.handle(new Error('password=hunter2 at /srv/secret.ts:12'), ctx)
    assert.equal(ctx.response.getStatus(), 500)
    const body = JSON.stringify(ctx.response.getBody())
    assert.notInclude(body, 'hunter2')
    assert.notInclude(body, 'secret.ts')
    assert.include(body, 'E_INTERNAL')
  })

  test('a database outage answers 503, not 500', async ({ assert }) => {
    const ctx = await testUtils.createHttpContext()
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    })
    await new HttpExceptionHandler().handle(error, ctx)
    assert.equal(ctx.response.getStatus(), 503)
  })

  test('NUL characters in a query or a body answer 422, not 500', async ({ assert }) => {
    const admin = await makeUser(Role.Admin)
    const token = (await User.accessTokens.create(admin)).value!.release()
    const headers = { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' }
    const list = await fetch(`${BASE()}/api/tasks?q=a%00b`, { headers })
    assert.equal(list.status, 422)
    const body = await fetch(`${BASE()}/api/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'a\u0000b', description: 'x' }),
    })
    assert.equal(body.status, 422)
    const event = await fetch(`${BASE()}/api/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ event_type: 'note.added', payload: { text: 'a\u0000b' } }),
    })
    assert.isBelow(event.status, 500)
  })

  test('every answer carries its request id', async ({ assert }) => {
    const response = await new BrowserSession().get('/api/health')
    assert.match(response.headers.get('x-request-id') ?? '', /\w{10,}/)
  })
})
