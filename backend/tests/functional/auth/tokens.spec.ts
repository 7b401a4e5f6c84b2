import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import User from '#models/user'
import { makeUser } from '#tests/helpers/users'
import { makeAgent } from '#tests/helpers/agents'
import { BrowserSession } from '#tests/helpers/browser_session'

test.group('Personal access tokens', () => {
  test('a token is shown once, authenticates as its user, and stops working when revoked', async ({
    client,
    assert,
  }) => {
    const operator = await makeUser(Role.Operator)
    const created = await client
      .post('/api/auth/tokens')
      .json({ name: 'my script' })
      .loginAs(operator)
      .withCsrfToken()
    created.assertStatus(201)
    const { token, id } = created.body()
    assert.match(token, /^mcu_/)

    const listed = await client.get('/api/auth/tokens').loginAs(operator)
    assert.deepInclude(
      listed.body().map((t: any) => t.id),
      id
    )
    assert.notProperty(listed.body()[0], 'token')

    const me = await client.get('/api/auth/me').bearerToken(token)
    me.assertStatus(200)
    assert.equal(me.body().id, operator.id)

    /* bearer mutations need no CSRF token */
    const another = await client
      .post('/api/auth/tokens')
      .json({ name: 'second' })
      .bearerToken(token)
    another.assertStatus(201)

    const revoked = await client.delete(`/api/auth/tokens/${id}`).bearerToken(token)
    revoked.assertStatus(204)
    ;(await client.get('/api/auth/me').bearerToken(token)).assertStatus(401)
    ;(await client.get('/api/auth/me').bearerToken(another.body().token)).assertStatus(200)
  })

  test('minting a token is recorded in the audit log, without the secret', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const created = await client
      .post('/api/auth/tokens')
      .json({ name: 'audited' })
      .loginAs(admin)
      .withCsrfToken()
    const audit = await db
      .from('audit_log')
      .where({ action: 'user.token_created', actor_id: admin.id })
      .firstOrFail()
    assert.equal(audit.after_state.id, created.body().id)
    assert.notInclude(JSON.stringify(audit), created.body().token)
  })

  test('logout with a token revokes it, recorded in the audit log', async ({ client, assert }) => {
    const operator = await makeUser(Role.Operator)
    const token = (await User.accessTokens.create(operator)).value!.release()
    ;(await client.post('/api/auth/logout').bearerToken(token)).assertStatus(204)
    ;(await client.get('/api/auth/me').bearerToken(token)).assertStatus(401)
    const audit = await db
      .from('audit_log')
      .where({ action: 'user.token_revoked', actor_id: operator.id })
    assert.lengthOf(audit, 1)
  })

  test('a garbage or unknown token is refused with 401', async ({ client }) => {
    ;(await client.get('/api/auth/me').bearerToken('mcu_nope')).assertStatus(401)
    ;(await client.get('/api/auth/me').bearerToken('mca_nope.nope')).assertStatus(401)
    ;(await client.get('/api/auth/me').header('authorization', 'Bearer ')).assertStatus(401)
    // well-formed tokens naming an id no token can have (not a number, past int4, zero)
    const secret = 'x'.repeat(40)
    for (const id of ['abc', '99999999999', '0', '1e3']) {
      const encoded = Buffer.from(id).toString('base64url')
      for (const prefix of ['mcu_', 'mca_']) {
        const response = await client
          .get('/api/auth/me')
          .bearerToken(`${prefix}${encoded}.${secret}`)
        response.assertStatus(401)
        response.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED' }] })
      }
    }
  })

  test('a deactivated user loses every token and session at once', async ({ client, assert }) => {
    const admin = await makeUser(Role.Admin)
    const operator = await makeUser(Role.Operator)
    const { token } = (
      await client.post('/api/auth/tokens').json({ name: 'x' }).loginAs(operator).withCsrfToken()
    ).body()
    ;(await client.get('/api/auth/me').bearerToken(token)).assertStatus(200)

    const off = await client
      .patch(`/api/users/${operator.id}`)
      .json({ is_active: false })
      .loginAs(admin)
      .withCsrfToken()
    off.assertStatus(200)
    assert.isFalse(off.body().is_active)

    ;(await client.get('/api/auth/me').bearerToken(token)).assertStatus(401)
    const session = await client.get('/api/auth/me').loginAs(operator)
    session.assertStatus(401)
    assert.equal(session.body().errors[0].code, 'E_ACCOUNT_DISABLED')
    const remaining = await db
      .from('auth_access_tokens')
      .where('tokenable_id', operator.id)
      .count('* as n')
    assert.equal(Number(remaining[0].n), 0)
  })
})

test.group('Agent tokens', () => {
  test('an admin mints an agent token, shown once; it authenticates as the agent', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const agent = await makeAgent()
    const minted = await client
      .post(`/api/agents/${agent.id}/tokens`)
      .json({ name: 'prod' })
      .loginAs(admin)
      .withCsrfToken()
    minted.assertStatus(201)
    assert.match(minted.body().token, /^mca_/)
    assert.isArray(minted.body().abilities)

    const me = await client.get('/api/auth/me').bearerToken(minted.body().token)
    me.assertStatus(200)
    assert.deepInclude(me.body(), { type: 'agent', id: agent.id, name: agent.name })

    const listed = await client.get(`/api/agents/${agent.id}/tokens`).loginAs(admin)
    assert.lengthOf(listed.body(), 1)
    assert.notProperty(listed.body()[0], 'token')
  })

  test('a revoked agent token stops working at once', async ({ client }) => {
    const admin = await makeUser(Role.Admin)
    const agent = await makeAgent()
    const minted = (
      await client.post(`/api/agents/${agent.id}/tokens`).loginAs(admin).withCsrfToken()
    ).body()
    ;(await client.get('/api/auth/me').bearerToken(minted.token)).assertStatus(200)

    const revoke = await client
      .delete(`/api/agents/${agent.id}/tokens/${minted.id}`)
      .loginAs(admin)
      .withCsrfToken()
    revoke.assertStatus(204)
    ;(await client.get('/api/auth/me').bearerToken(minted.token)).assertStatus(401)

    const again = await client
      .delete(`/api/agents/${agent.id}/tokens/${minted.id}`)
      .loginAs(admin)
      .withCsrfToken()
    again.assertStatus(404)
  })

  test('an agent token cannot be used as a personal token and agents cannot mint tokens', async ({
    client,
  }) => {
    const admin = await makeUser(Role.Admin)
    const agent = await makeAgent()
    const minted = (
      await client.post(`/api/agents/${agent.id}/tokens`).loginAs(admin).withCsrfToken()
    ).body()
    ;(
      await client.post('/api/auth/tokens').json({ name: 'x' }).bearerToken(minted.token)
    ).assertStatus(403)
    ;(await client.post(`/api/agents/${agent.id}/tokens`).bearerToken(minted.token)).assertStatus(
      403
    )
  })

  test('only admins mint, list or revoke agent tokens', async ({ client, assert }) => {
    const agent = await makeAgent()
    for (const role of [Role.Operator, Role.Closer, Role.Viewer]) {
      const user = await makeUser(role)
      ;(
        await client.post(`/api/agents/${agent.id}/tokens`).loginAs(user).withCsrfToken()
      ).assertStatus(403)
      ;(await client.get(`/api/agents/${agent.id}/tokens`).loginAs(user)).assertStatus(403)
    }
    /* a plain client without any cookie, as a script would be */
    const anonymous = await new BrowserSession().post(`/api/agents/${agent.id}/tokens`)
    assert.equal(anonymous.status, 401)
  })

  test('an unknown agent answers 404', async ({ client }) => {
    const admin = await makeUser(Role.Admin)
    const response = await client
      .post('/api/agents/00000000-0000-4000-8000-000000000000/tokens')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(404)
  })
})
