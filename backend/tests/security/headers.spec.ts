/**
 * Security headers on everything the server sends: API answers, errors, the
 * admin's HTML and its files, the API reference and the realtime stream.
 */
import { test } from '@japa/runner'
import { makeActors, type Actors } from '#tests/helpers/actors'

const base = () => `http://${process.env.HOST}:${process.env.PORT}`

function assertSecurityHeaders(assert: any, headers: Headers, what: string) {
  const csp = headers.get('content-security-policy') ?? ''
  /* only the app's own scripts, or none at all (the API reference page) */
  const scripts = csp.match(/script-src[^;]*/)?.[0]
  if (scripts) assert.equal(scripts.trim(), "script-src 'self'", what)
  else assert.include(csp, "default-src 'none'", what)
  assert.include(csp, "frame-ancestors 'none'", what)
  assert.match(csp, /object-src 'none'|default-src 'none'/, what)
  assert.equal(headers.get('x-frame-options'), 'DENY', what)
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what)
  assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin', what)
}

test.group('Security: headers on everything', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('API answers, errors, the admin page, its files and the reference', async ({ assert }) => {
    const index = await fetch(`${base()}/`)
    const html = await index.text()
    assert.equal(index.status, 200)
    assert.include(html, '<div id="root">')
    assertSecurityHeaders(assert, index.headers, 'admin index')
    assert.notMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'the admin page has no inline script')

    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
    assert.exists(script, 'the admin page loads its bundle')
    const asset = await fetch(`${base()}${script}`)
    assert.equal(asset.status, 200)
    await asset.arrayBuffer()
    assertSecurityHeaders(assert, asset.headers, 'admin asset')

    const deepLink = await fetch(`${base()}/leads?status=new`)
    await deepLink.text()
    assertSecurityHeaders(assert, deepLink.headers, 'admin deep link')

    const checks: [string, RequestInit, number][] = [
      ['/api/health', {}, 200],
      ['/api/docs', {}, 200],
      ['/api/openapi.json', {}, 200],
      ['/api/tasks', {}, 401],
      ['/api/nowhere', {}, 404],
      ['/api/tasks', { headers: { authorization: `Bearer ${actors.tokens.viewer}` } }, 200],
      [
        '/api/tasks',
        {
          method: 'POST',
          headers: {
            'authorization': `Bearer ${actors.tokens.viewer}`,
            'content-type': 'application/json',
          },
          body: '{"title":',
        },
        400,
      ],
    ]
    for (const [path, init, status] of checks) {
      const answer = await fetch(`${base()}${path}`, init)
      await answer.arrayBuffer()
      assert.equal(answer.status, status, path)
      assertSecurityHeaders(assert, answer.headers, `${init.method ?? 'GET'} ${path}`)
    }
  })

  test('the realtime stream carries them too', async ({ assert }) => {
    const controller = new AbortController()
    const stream = await fetch(`${base()}/__transmit/events?uid=headers-check`, {
      headers: { authorization: `Bearer ${actors.tokens.viewer}` },
      signal: controller.signal,
    })
    assert.equal(stream.status, 200)
    assertSecurityHeaders(assert, stream.headers, 'SSE')
    controller.abort()
  })
})
