/**
 * Input an attacker sends on purpose: each answer is a clear 4xx in the
 * contract's shape (never a 500), writes nothing, and tells nothing of the
 * server's internals.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { PASSWORD } from '#tests/helpers/users'
import { needs } from '#tests/helpers/plugins'

const base = () => `http://${process.env.HOST}:${process.env.PORT}`

function nested(depth: number) {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

async function raw(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base()}${path}`, init)
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: response.status, body, headers: response.headers }
}

async function historyLength() {
  const [row] = await db.from('task_events').count('* as n')
  return Number(row.n)
}

test.group('Security: bad input', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('deeply nested JSON is refused with 400 on every kind of route', async ({ assert }) => {
    const before = await historyLength()
    const routes: [string, string, string | null][] = [
      ['POST', '/api/auth/login', null],
      ['POST', '/api/tasks', actors.tokens.admin],
      ['POST', '/api/events', actors.tokens.agent],
      ['PATCH', `/api/users/${actors.users.viewer.id}`, actors.tokens.admin],
      ['POST', '/__transmit/subscribe', actors.tokens.viewer],
    ]
    for (const depth of [2_600, 10_000, 100_000]) {
      for (const [method, path, token] of routes) {
        const answer = await raw(path, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: nested(depth),
        })
        const what = `${method} ${path} at depth ${depth}`
        assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body).slice(0, 200)}`)
        assert.equal(answer.body.errors[0].code, 'E_MALFORMED_JSON', what)
        assert.match(answer.body.errors[0].message, /nest/i, what)
      }
    }
    /* reasonable nesting still works */
    const payload = JSON.parse(nested(20))
    const fine = await call(actors.tokens.admin, 'POST', '/api/events', {
      event_type: 'outreach.note',
      payload,
    })
    assert.equal(fine.status, 201)
    assert.equal(await historyLength(), before + 1)
  })

  test('login answers the same with a trailing slash or a query string', async ({ assert }) => {
    for (const path of ['/api/auth/login/', '/api/auth/login?next=/board']) {
      const answer = await raw(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: actors.users.viewer.email, password: PASSWORD }),
      })
      assert.equal(answer.status, 200, path)
      const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('mc_session='))
      assert.exists(cookie, path)
      const me = await raw('/api/auth/me', { headers: { cookie: cookie!.split(';')[0] } })
      assert.equal(me.body.email, actors.users.viewer.email)
    }
  })

  needs(
    test('a taken unique value is said in the API’s own words, without the database’s detail', async ({
      assert,
    }) => {
      const name = `dup-${Date.now()}`
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          call(actors.tokens.admin, 'POST', '/api/agents', { name, type: 'orchestrator' })
        )
      )
      const statuses = answers.map((answer) => answer.status)
      assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(','))
      for (const answer of answers.filter((a) => a.status !== 201)) {
        assert.oneOf(answer.status, [409, 422])
        const text = JSON.stringify(answer.body)
        assert.notMatch(text, /Key \(|already exists\.|constraint|agents_name/)
        assert.equal(answer.body.errors[0].field, 'name')
      }
    }),
    'orchestrator'
  )

  test('the audit log keeps the server’s own request id, whatever the client sends', async ({
    assert,
  }) => {
    const response = await fetch(`${base()}/api/tasks`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${actors.tokens.operator}`,
        'content-type': 'application/json',
        'x-request-id': 'forged-id"; DROP TABLE audit_log; --',
      },
      body: JSON.stringify({ title: 'Request id' }),
    })
    const task = (await response.json()) as { id: string }
    const id = response.headers.get('x-request-id')!
    assert.match(id, /^[0-9a-f-]{36}$/)
    const audit = await db.from('audit_log').where('resource_id', task.id).first()
    assert.equal(audit.metadata.request_id, id)
  })
})
