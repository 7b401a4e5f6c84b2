import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser, PASSWORD } from '#tests/helpers/users'
import { BrowserSession } from '#tests/helpers/browser_session'
import { needs } from '#tests/helpers/plugins'

test.group('Session login', () => {
  test('the right password logs in with an HttpOnly session cookie', async ({ client, assert }) => {
    const user = await makeUser(Role.Operator)
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: PASSWORD })
    response.assertStatus(200)
    assert.deepInclude(response.body().user, {
      type: 'user',
      id: user.id,
      email: user.email,
      role: 'operator',
    })
    assert.notProperty(response.body().user, 'password')
    const setCookie = ([] as string[]).concat(response.header('set-cookie') ?? [])
    const session = setCookie.find((c) => c.startsWith('mc_session='))
    assert.exists(session)
    assert.match(session!, /HttpOnly/i)
  })

  test('the email is matched case-insensitively', async ({ client }) => {
    const user = await makeUser(Role.Viewer)
    const response = await client
      .post('/api/auth/login')
      .json({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD })
    response.assertStatus(200)
  })

  test('a wrong password or unknown email is refused with 401 and the error shape', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(Role.Viewer)
    for (const body of [
      { email: user.email, password: 'wrong password' },
      { email: 'nobody@example.com', password: PASSWORD },
    ]) {
      const response = await client.post('/api/auth/login').json(body)
      response.assertStatus(401)
      assert.equal(response.body().errors[0].code, 'E_INVALID_CREDENTIALS')
      assert.isString(response.body().errors[0].message)
    }
  })

  test('missing fields answer 422 with field messages', async ({ client, assert }) => {
    const response = await client.post('/api/auth/login').json({ email: '' })
    response.assertStatus(422)
    const fields = response.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['password'])
  })

  test('repeated failures are rate limited with 429, even with the right password after', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(Role.Operator)
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await client
        .post('/api/auth/login')
        .json({ email: user.email, password: 'nope' })
      statuses.push(response.status())
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401])
    assert.equal(statuses[5], 429)

    const blocked = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: PASSWORD })
    blocked.assertStatus(429)
    assert.equal(blocked.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    assert.exists(blocked.header('retry-after'))

    const other = await makeUser(Role.Operator)
    const unaffected = await client
      .post('/api/auth/login')
      .json({ email: other.email, password: PASSWORD })
    unaffected.assertStatus(200)
  })

  test('a deactivated user cannot log in', async ({ client, assert }) => {
    const user = await makeUser(Role.Operator, { isActive: false })
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: PASSWORD })
    response.assertStatus(401)
    assert.equal(response.body().errors[0].code, 'E_ACCOUNT_DISABLED')
  })

  test('passwords are stored hashed by the framework hasher', async ({ assert }) => {
    const user = await makeUser(Role.Viewer)
    const row = await db.from('users').where('id', user.id).firstOrFail()
    assert.notEqual(row.password_hash, PASSWORD)
    assert.match(row.password_hash, /^\$scrypt\$/)
  })
})

test.group('Session: me, logout, CSRF', () => {
  needs(
    test('me describes the user and their permissions from the role table', async ({
      client,
      assert,
    }) => {
      const closer = await makeUser(Role.Closer)
      const response = await client.get('/api/auth/me').loginAs(closer)
      response.assertStatus(200)
      assert.equal(response.body().type, 'user')
      assert.equal(response.body().role, 'closer')
      assert.include(response.body().permissions, 'leads.export')
      assert.notInclude(response.body().permissions, 'users.manage')
    }),
    'leads'
  )

  test('me without credentials answers 401', async ({ client, assert }) => {
    const response = await client.get('/api/auth/me')
    response.assertStatus(401)
    assert.equal(response.body().errors[0].code, 'E_UNAUTHORIZED')
  })

  test('cookie-authenticated mutations need the XSRF token', async ({ client, assert }) => {
    const admin = await makeUser(Role.Admin)
    const without = await client.post('/api/auth/tokens').json({ name: 'script' }).loginAs(admin)
    without.assertStatus(403)
    assert.equal(without.body().errors[0].code, 'E_BAD_CSRF_TOKEN')

    const withToken = await client
      .post('/api/auth/tokens')
      .json({ name: 'script' })
      .loginAs(admin)
      .withCsrfToken()
    withToken.assertStatus(201)
  })

  test('a browser session: login, me, mutation with XSRF, logout, then refused', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Admin)
    const browser = new BrowserSession()
    const login = await browser.post('/api/auth/login', { email: user.email, password: PASSWORD })
    assert.equal(login.status, 200)
    assert.exists(browser.cookie('XSRF-TOKEN'))

    assert.equal((await browser.get('/api/auth/me')).status, 200)
    assert.equal((await browser.post('/api/auth/tokens', { name: 'cli' })).status, 201)

    const forged = await browser.request(
      'POST',
      '/api/auth/tokens',
      { name: 'x' },
      { 'x-xsrf-token': 'forged' }
    )
    assert.equal(forged.status, 403)

    assert.equal((await browser.post('/api/auth/logout')).status, 204)
    assert.equal((await browser.get('/api/auth/me')).status, 401)
  })
})
