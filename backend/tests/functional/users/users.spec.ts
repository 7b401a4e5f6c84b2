import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser, PASSWORD } from '#tests/helpers/users'
import { makeAgent } from '#tests/helpers/agents'
import { BrowserSession } from '#tests/helpers/browser_session'
import Agent from '#models/agent'

async function agentToken(agent: Agent) {
  const token = await Agent.accessTokens.create(agent)
  return token.value!.release()
}

test.group('/api/users role rules', () => {
  test('only admins list, read, create and update users', async ({ client, assert }) => {
    const target = await makeUser(Role.Viewer)
    for (const role of [Role.Operator, Role.Closer, Role.Viewer]) {
      const user = await makeUser(role)
      ;(await client.get('/api/users').loginAs(user)).assertStatus(403)
      ;(await client.get(`/api/users/${target.id}`).loginAs(user)).assertStatus(403)
      const create = await client
        .post('/api/users')
        .json({ email: `new-${role}@example.com`, role: 'admin', password: PASSWORD })
        .loginAs(user)
        .withCsrfToken()
      create.assertStatus(403)
      assert.equal(create.body().errors[0].code, 'E_FORBIDDEN')
      ;(
        await client
          .patch(`/api/users/${target.id}`)
          .json({ role: 'admin' })
          .loginAs(user)
          .withCsrfToken()
      ).assertStatus(403)
    }
    const agent = await makeAgent()
    const token = await agentToken(agent)
    ;(await client.get('/api/users').bearerToken(token)).assertStatus(403)
    ;(await client.post('/api/users').json({}).bearerToken(token)).assertStatus(403)

    const anonymous = new BrowserSession()
    assert.equal((await anonymous.get('/api/users')).status, 401)
    assert.equal((await anonymous.post('/api/users', {})).status, 401)

    const nothing = await db.from('users').whereLike('email', 'new-%').count('* as n')
    assert.equal(Number(nothing[0].n), 0)
  })

  test('an admin lists users as a simple-rest page with x-total-count', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    await makeUser(Role.Closer)
    const response = await client
      .get('/api/users')
      .qs({ _start: 0, _end: 2, _sort: 'email', _order: 'asc' })
      .loginAs(admin)
    response.assertStatus(200)
    assert.isArray(response.body())
    assert.lengthOf(response.body(), 2)
    const total = Number(response.header('x-total-count'))
    assert.isAtLeast(total, 2)
    const emails = response.body().map((u: any) => u.email)
    assert.deepEqual(emails, [...emails].sort())
    assert.notProperty(response.body()[0], 'password')
    assert.notProperty(response.body()[0], 'password_hash')
    assert.properties(response.body()[0], [
      'id',
      'email',
      'role',
      'is_active',
      'created_at',
      'updated_at',
    ])

    const closers = await client.get('/api/users').qs({ role: 'closer' }).loginAs(admin)
    assert.isTrue(closers.body().every((u: any) => u.role === 'closer'))

    const unknown = await client.get('/api/users').qs({ password_hash_like: 'a' }).loginAs(admin)
    unknown.assertStatus(422)
    const huge = await client.get('/api/users').qs({ _start: 0, _end: 5000 }).loginAs(admin)
    huge.assertStatus(422)
  })

  test('an admin creates a user who can then log in; the change is audited', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const response = await client
      .post('/api/users')
      .json({ email: 'Closer.New@Example.com', role: 'closer', password: PASSWORD })
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(201)
    assert.equal(response.body().email, 'closer.new@example.com')
    assert.equal(response.body().role, 'closer')

    const login = await client
      .post('/api/auth/login')
      .json({ email: 'closer.new@example.com', password: PASSWORD })
    login.assertStatus(200)

    const audit = await db
      .from('audit_log')
      .where({ action: 'user.created', resource_id: response.body().id })
      .firstOrFail()
    assert.equal(audit.actor_type, 'user')
    assert.equal(audit.actor_id, admin.id)
    assert.equal(audit.after_state.email, 'closer.new@example.com')
    assert.notProperty(audit.after_state, 'password')
    const event = await db
      .from('task_events')
      .where({ event_type: 'user.created' })
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.equal(event.payload.id, response.body().id)
  })

  test('bad input gets 422 with field messages and writes nothing', async ({ client, assert }) => {
    const admin = await makeUser(Role.Admin)
    const before = await db.from('audit_log').count('* as n')
    const response = await client
      .post('/api/users')
      .json({ email: 'not-an-email', role: 'superuser', password: 'short' })
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: any) => e.field)
      .sort()
    assert.deepEqual(fields, ['email', 'password', 'role'])

    const duplicate = await client
      .post('/api/users')
      .json({ email: admin.email, role: 'viewer', password: PASSWORD })
      .loginAs(admin)
      .withCsrfToken()
    duplicate.assertStatus(422)
    assert.equal(duplicate.body().errors[0].field, 'email')

    const after = await db.from('audit_log').count('* as n')
    assert.equal(after[0].n, before[0].n)
  })

  test('an admin changes a role; unknown ids answer 404', async ({ client, assert }) => {
    const admin = await makeUser(Role.Admin)
    const viewer = await makeUser(Role.Viewer)
    const response = await client
      .patch(`/api/users/${viewer.id}`)
      .json({ role: 'operator' })
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    assert.equal(response.body().role, 'operator')
    const audit = await db
      .from('audit_log')
      .where({ action: 'user.updated', resource_id: viewer.id })
      .firstOrFail()
    assert.equal(audit.before_state.role, 'viewer')
    assert.equal(audit.after_state.role, 'operator')

    ;(
      await client.get('/api/users/00000000-0000-4000-8000-000000000000').loginAs(admin)
    ).assertStatus(404)
    ;(await client.get('/api/users/not-a-uuid').loginAs(admin)).assertStatus(404)
    ;(
      await client
        .patch('/api/users/00000000-0000-4000-8000-000000000000')
        .json({ role: 'viewer' })
        .loginAs(admin)
        .withCsrfToken()
    ).assertStatus(404)
  })

  test('the last active admin cannot be demoted or deactivated', async ({ client, assert }) => {
    await db.from('users').where('role', 'admin').update({ role: 'viewer' })
    const admin = await makeUser(Role.Admin)
    const demote = await client
      .patch(`/api/users/${admin.id}`)
      .json({ role: 'viewer' })
      .loginAs(admin)
      .withCsrfToken()
    demote.assertStatus(409)
    assert.equal(demote.body().errors[0].code, 'E_LAST_ADMIN')
    const deactivate = await client
      .patch(`/api/users/${admin.id}`)
      .json({ is_active: false })
      .loginAs(admin)
      .withCsrfToken()
    deactivate.assertStatus(409)

    const second = await makeUser(Role.Admin)
    const ok = await client
      .patch(`/api/users/${admin.id}`)
      .json({ role: 'operator' })
      .loginAs(second)
      .withCsrfToken()
    ok.assertStatus(200)
  })
})
