/**
 * Accounts: passwords that are easy to guess are refused, a password change
 * ends every other session and token, and the login limit counts the real
 * client address: X-Forwarded-For only counts from a configured proxy.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import User from '#models/user'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeUser, PASSWORD } from '#tests/helpers/users'
import { BrowserSession } from '#tests/helpers/browser_session'
import { freePort, startInstance, exited } from '#tests/helpers/instances'

const WEAK = [
  'password',
  '12345678',
  'aaaaaaaa',
  'Password1!',
  'qwertyuiop12',
  'missioncontrol',
  'short',
  'iloveyou2024',
]

async function historyLength() {
  const [row] = await db.from('task_events').count('* as n')
  return Number(row.n)
}

async function signedIn(email: string, password = PASSWORD) {
  const session = new BrowserSession()
  const login = await session.post('/api/auth/login', { email, password })
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`)
  return session
}

test.group('Security: passwords', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('common, patterned and too-short passwords are refused with a clear 422', async ({
    assert,
  }) => {
    const before = await historyLength()
    const name = `maria.garcia${Date.now() % 100000}`
    const target = await makeUser(Role.Viewer, { email: `${name}@example.com` })
    const session = await signedIn(target.email)
    /* the person's own e-mail is the first thing an attacker tries */
    const ownEmail = `${name.replace('.', '').replace('m', 'M')}!2024`
    for (const password of [...WEAK, ownEmail]) {
      const email =
        password === ownEmail
          ? `${target.email.split('@')[0]}@elsewhere.example.com`
          : `weak-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`
      const created = await call(actors.tokens.admin, 'POST', '/api/users', {
        email,
        role: 'viewer',
        password,
      })
      assert.equal(created.status, 422, `create with ${password}`)
      const error = created.body.errors.find((e: any) => e.field === 'password')
      assert.equal(error.rule, 'strongPassword', password)
      assert.match(error.message, /at least 12 characters|too easy to guess|e-mail/, password)

      const reset = await call(actors.tokens.admin, 'PATCH', `/api/users/${target.id}`, {
        password,
      })
      assert.equal(reset.status, 422, `reset to ${password}`)

      const own = await session.post('/api/auth/password', { current_password: PASSWORD, password })
      assert.equal(own.status, 422, `own change to ${password}`)
      assert.equal(own.body.errors[0].field, 'password')
    }
    assert.equal(await historyLength(), before)
    /* a passphrase is fine */
    const fine = await call(actors.tokens.admin, 'POST', '/api/users', {
      email: `fine-${Date.now()}@example.com`,
      role: 'viewer',
      password: 'a quiet harbour at dawn',
    })
    assert.equal(fine.status, 201)
  })

  test('changing my password ends my other sessions and tokens, not this one', async ({
    assert,
  }) => {
    const me = await makeUser(Role.Operator)
    const here = await signedIn(me.email)
    const elsewhere = await signedIn(me.email)
    const token = (await User.accessTokens.create(me)).value!.release()
    assert.equal((await call(token, 'GET', '/api/auth/me')).status, 200)

    const wrong = await here.post('/api/auth/password', {
      current_password: 'not my password',
      password: 'a quiet harbour at dawn',
    })
    assert.equal(wrong.status, 422)
    assert.equal(wrong.body.errors[0].field, 'current_password')

    const changed = await here.post('/api/auth/password', {
      current_password: PASSWORD,
      password: 'a quiet harbour at dawn',
    })
    assert.equal(changed.status, 204)

    assert.equal((await here.get('/api/auth/me')).status, 200)
    const ended = await elsewhere.get('/api/auth/me')
    assert.equal(ended.status, 401)
    assert.equal(ended.body.errors[0].code, 'E_SESSION_ENDED')
    assert.equal((await call(token, 'GET', '/api/auth/me')).status, 401)

    const old = await new BrowserSession().post('/api/auth/login', {
      email: me.email,
      password: PASSWORD,
    })
    assert.equal(old.status, 401)
    await signedIn(me.email, 'a quiet harbour at dawn')

    const audit = await db
      .from('audit_log')
      .where({ resource_type: 'users', resource_id: me.id, action: 'user.updated' })
      .orderBy('id', 'desc')
      .first()
    assert.deepEqual(audit.metadata.changed, ['password'])
  })

  test("a password change ends the other sessions' open realtime streams", async ({ assert }) => {
    const me = await makeUser(Role.Operator)
    const here = await signedIn(me.email)
    const elsewhere = await signedIn(me.email)
    const cookie = ['mc_session', 'XSRF-TOKEN']
      .map((name) => `${name}=${elsewhere.cookie(name)}`)
      .join('; ')
    const stream = await fetch(`${here.baseUrl}/__transmit/events?uid=stamp-${me.id}`, {
      headers: { cookie },
    })
    assert.equal(stream.status, 200)
    const ended = (async () => {
      const reader = stream.body!.getReader()
      while (!(await reader.read()).done) {}
      return 'ended'
    })()
    const changed = await here.post('/api/auth/password', {
      current_password: PASSWORD,
      password: 'a quiet harbour at dawn',
    })
    assert.equal(changed.status, 204)
    const outcome = await Promise.race([
      ended,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 15_000)),
    ])
    assert.equal(outcome, 'ended')
  })

  test("an admin's reset ends every session and token of that user", async ({ assert }) => {
    const user = await makeUser(Role.Closer)
    const session = await signedIn(user.email)
    const token = (await User.accessTokens.create(user)).value!.release()
    const reset = await call(actors.tokens.admin, 'PATCH', `/api/users/${user.id}`, {
      password: 'a quiet harbour at dawn',
    })
    assert.equal(reset.status, 200)
    assert.equal((await session.get('/api/auth/me')).status, 401)
    assert.equal((await call(token, 'GET', '/api/auth/me')).status, 401)
    /* and the admin who did it is still signed in */
    assert.equal((await call(actors.tokens.admin, 'GET', '/api/auth/me')).status, 200)
  })

  test('guessing the current password is throttled like a login; agents have no password', async ({
    assert,
  }) => {
    const me = await makeUser(Role.Viewer)
    const session = await signedIn(me.email)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const answer = await session.post('/api/auth/password', {
        current_password: `guess ${i}`,
        password: 'a quiet harbour at dawn',
      })
      statuses.push(answer.status)
    }
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 429])
    const agent = await call(actors.tokens.agent, 'POST', '/api/auth/password', {
      current_password: 'x',
      password: 'a quiet harbour at dawn',
    })
    assert.equal(agent.status, 403)
  })
})

test.group('Security: the login limit behind a proxy', (group) => {
  let behindProxy: Awaited<ReturnType<typeof startInstance>>
  let untrusted: Awaited<ReturnType<typeof startInstance>>
  let proxied: string
  let direct: string

  group.setup(async () => {
    /* this test process is the proxy: it connects from 127.0.0.1 and appends the client's address */
    const [one, two] = [await freePort(), await freePort()]
    proxied = `http://127.0.0.1:${one}`
    direct = `http://127.0.0.1:${two}`
    ;[behindProxy, untrusted] = await Promise.all([
      startInstance(one, {
        TRUST_PROXY: '127.0.0.1',
        LOGIN_MAX_ATTEMPTS: '5',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '12',
      }),
      startInstance(two, { TRUST_PROXY: '10.9.9.9/32', LOGIN_MAX_ATTEMPTS: '5' }),
    ])
    return async () => {
      for (const instance of [behindProxy, untrusted]) {
        instance.child.kill('SIGTERM')
        await exited(instance.child)
      }
    }
  })

  async function login(base: string, email: string, password: string, forwardedFor: string) {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password }),
    })
    await response.arrayBuffer()
    return response.status
  }

  test('a client-chosen X-Forwarded-For does not reset the limit', async ({ assert }) => {
    const user = await makeUser(Role.Operator)
    const statuses: number[] = []
    for (let i = 1; i <= 16; i++) {
      /* what the client sent, then the address the proxy saw */
      statuses.push(await login(proxied, user.email, 'wrong', `203.0.113.${i}, 198.51.100.7`))
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401])
    assert.deepEqual(new Set(statuses.slice(5)), new Set([429]))
    assert.equal(await login(proxied, user.email, PASSWORD, '203.0.113.99, 198.51.100.7'), 429)
    /* a client behind another address is not blocked */
    assert.equal(await login(proxied, user.email, PASSWORD, '198.51.100.8'), 200)
  })

  test('from a peer that is not a configured proxy, X-Forwarded-For is ignored', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Operator)
    const statuses: number[] = []
    for (let i = 1; i <= 8; i++) {
      statuses.push(await login(direct, user.email, 'wrong', `203.0.113.${i}`))
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429])
    assert.equal(await login(direct, user.email, PASSWORD, '198.51.100.200'), 429)
  })

  test('one address spraying many e-mails is capped too', async ({ assert }) => {
    const users = await Promise.all(Array.from({ length: 14 }, () => makeUser(Role.Viewer)))
    const statuses: number[] = []
    for (const user of users) {
      statuses.push(await login(proxied, user.email, 'Summer2024!', '198.51.100.66'))
    }
    assert.deepEqual(statuses.slice(0, 12), Array(12).fill(401))
    assert.deepEqual(statuses.slice(12), [429, 429])
    /* even the right password of an untouched account waits out the block from that address */
    const spared = await makeUser(Role.Viewer)
    assert.equal(await login(proxied, spared.email, PASSWORD, '198.51.100.66'), 429)
    assert.equal(await login(proxied, spared.email, PASSWORD, '198.51.100.67'), 200)
  })
})
