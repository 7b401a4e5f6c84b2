import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { BrowserSession } from '#tests/helpers/browser_session'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'
import { PASSWORD, makeUser } from '#tests/helpers/users'
import User from '#models/user'
import { Role } from '#enums/roles'
import { needs } from '#tests/helpers/plugins'

/*
| Two more API instances on the shared test database and Redis, with the
| production session store (PostgreSQL), as behind a load balancer.
*/
test.group('Several API instances', (group) => {
  let actors: Actors
  let baseB: string
  let baseC: string

  group.setup(async () => {
    actors = await makeActors()
    const [portB, portC] = [await freePort(), await freePort()]
    baseB = `http://127.0.0.1:${portB}`
    baseC = `http://127.0.0.1:${portC}`
    const [b, c] = await Promise.all([
      // tokens kept for 10 minutes: only the realtime bus can make a change reach them in time
      startInstance(portB, { SESSION_DRIVER: 'database', AUTH_TOKEN_CACHE_SECONDS: '600' }),
      startInstance(portC, { SESSION_DRIVER: 'database', AUTH_TOKEN_CACHE_SECONDS: '600' }),
    ])
    return async () => {
      b.child.kill('SIGKILL')
      c.child.kill('SIGKILL')
      await Promise.all([exited(b.child), exited(c.child)])
    }
  })
  group.each.teardown(async () => {
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
  })

  test('a session made on one instance is valid on the other, writes included', async ({
    assert,
  }) => {
    const onB = new BrowserSession(baseB)
    const login = await onB.post('/api/auth/login', {
      email: actors.users.operator.email,
      password: PASSWORD,
    })
    assert.equal(login.status, 200)

    const onC = new BrowserSession(baseC)
    for (const name of ['mc_session', 'XSRF-TOKEN']) onC.setCookie(name, onB.cookie(name)!)
    const me = await onC.get('/api/auth/me')
    assert.equal(me.status, 200)
    assert.equal(me.body.id, actors.users.operator.id)
    const created = await onC.post('/api/tasks', { title: 'made on C with a session from B' })
    assert.equal(created.status, 201)

    assert.equal((await onC.post('/api/auth/logout')).status, 204)
    const replayed = new BrowserSession(baseB)
    replayed.setCookie('mc_session', onB.cookie('mc_session')!)
    assert.equal(
      (await replayed.get('/api/auth/me')).status,
      401,
      'logout on C ends the session on B'
    )
  })

  needs(
    test('the global pause set through one instance blocks agents on every instance', async ({
      assert,
    }) => {
      const paused = await fetch(`${baseB}/api/system/pause`, {
        method: 'POST',
        headers: {
          'authorization': `Bearer ${actors.tokens.admin}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reason: 'set on B' }),
      })
      assert.equal(paused.status, 200)
      const [max] = await db.from('task_events').max('id as max')

      for (const base of [baseB, baseC, `http://${process.env.HOST}:${process.env.PORT}`]) {
        const response = await fetch(`${base}/api/tasks`, {
          method: 'POST',
          headers: {
            'authorization': `Bearer ${actors.tokens.agent}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ title: 'should not be written' }),
        })
        assert.equal(response.status, 423, base)
      }
      const [after] = await db.from('task_events').max('id as max')
      assert.equal(after.max, max.max)

      await fetch(`${baseC}/api/system/resume`, {
        method: 'POST',
        headers: { authorization: `Bearer ${actors.tokens.admin}` },
      })
      const resumed = await fetch(`${baseB}/api/tasks`, {
        method: 'POST',
        headers: {
          'authorization': `Bearer ${actors.tokens.agent}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ title: 'after resume on C' }),
      })
      assert.equal(resumed.status, 201)
    }),
    'orchestrator'
  )

  test('a change to a user made through one instance reaches the tokens the others keep', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Operator)
    const token = (await User.accessTokens.create(user)).value!.release()
    const request = (base: string, method: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      }).then((response) => response.status)
    /** The status `check` answers once it is `expected`, polling for at most a second. */
    const within = async (expected: number, check: () => Promise<number>) => {
      const deadline = Date.now() + 1000
      let status = await check()
      while (status !== expected && Date.now() < deadline) {
        await sleep(20)
        status = await check()
      }
      return status
    }

    // B and C verify the token, and keep it with the user's row
    assert.equal(await request(baseB, 'GET', '/api/auth/me'), 200)
    assert.equal(await request(baseC, 'POST', '/api/tasks', { title: 'by an operator' }), 201)

    // demoted through this instance: C no longer lets them create cards
    const demoted = await call(actors.tokens.admin, 'PATCH', `/api/users/${user.id}`, {
      role: 'viewer',
    })
    assert.equal(demoted.status, 200)
    assert.equal(
      await within(403, () => request(baseC, 'POST', '/api/tasks', { title: 'as a viewer' })),
      403
    )

    // deactivated through B: C and this instance refuse the token
    const deactivated = await fetch(`${baseB}/api/users/${user.id}`, {
      method: 'PATCH',
      headers: {
        'authorization': `Bearer ${actors.tokens.admin}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ is_active: false }),
    })
    assert.equal(deactivated.status, 200)
    assert.equal(await within(401, () => request(baseC, 'GET', '/api/auth/me')), 401)
    assert.equal(
      await request(`http://${process.env.HOST}:${process.env.PORT}`, 'GET', '/api/auth/me'),
      401
    )
  })

  test('a token revoked through one instance stops working on the others', async ({ assert }) => {
    const user = await makeUser(Role.Closer)
    const token = (await User.accessTokens.create(user)).value!.release()
    const me = (base: string) =>
      fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then(
        (response) => response.status
      )
    assert.equal(await me(baseB), 200)
    assert.equal(await me(baseC), 200)

    const [{ id }] = await db.from('auth_access_tokens').where('tokenable_id', user.id)
    const revoked = await fetch(`${baseC}/api/auth/tokens/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    })
    assert.equal(revoked.status, 204)
    assert.equal(await me(baseC), 401, 'refused at once where it was revoked')
    const deadline = Date.now() + 1000
    let status = await me(baseB)
    while (status !== 401 && Date.now() < deadline) {
      await sleep(20)
      status = await me(baseB)
    }
    assert.equal(status, 401, 'refused within a second on the other instance')
  })
})
