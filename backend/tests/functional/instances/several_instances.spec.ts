import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { BrowserSession } from '#tests/helpers/browser_session'
import { PASSWORD } from '#tests/helpers/users'
import { exited, freePort, startInstance } from '#tests/helpers/instances'

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
      startInstance(portB, { SESSION_DRIVER: 'database' }),
      startInstance(portC, { SESSION_DRIVER: 'database' }),
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
  })
})
