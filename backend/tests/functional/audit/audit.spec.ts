import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { BrowserSession } from '#tests/helpers/browser_session'
import { needs } from '#tests/helpers/plugins'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test.group('/api/audit role rules', (group) => {
  let actors: Actors
  let entryId: number
  group.setup(async () => {
    actors = await makeActors()
    await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'audited' })
    entryId = (await call(actors.tokens.admin, 'GET', '/api/audit?_end=1')).body[0].id
  })

  test('only admins read the audit log', async ({ assert }) => {
    const others: ActorName[] = ['operator', 'closer', 'viewer', 'agent']
    for (const name of others) {
      const list = await call(actors.tokens[name], 'GET', '/api/audit')
      const one = await call(actors.tokens[name], 'GET', `/api/audit/${entryId}`)
      assert.equal(list.status, 403, name)
      assert.equal(one.status, 403, name)
      assert.equal(list.body.errors[0].code, 'E_FORBIDDEN')
    }
    const list = await call(actors.tokens.admin, 'GET', '/api/audit')
    assert.equal(list.status, 200)
    const one = await call(actors.tokens.admin, 'GET', `/api/audit/${entryId}`)
    assert.equal(one.status, 200)
    assert.equal(one.body.id, entryId)
    assert.properties(one.body, [
      'actor_type',
      'actor_id',
      'action',
      'resource_type',
      'resource_id',
      'before_state',
      'after_state',
      'metadata',
      'created_at',
    ])

    const anonymous = new BrowserSession()
    assert.equal((await anonymous.get('/api/audit')).status, 401)
    assert.equal((await anonymous.get(`/api/audit/${entryId}`)).status, 401)
  })

  test('a session admin reads it too', async ({ client, assert }) => {
    const response = await client.get('/api/audit').loginAs(actors.users.admin)
    response.assertStatus(200)
    assert.isArray(response.body())
  })

  test('unknown or malformed ids answer 404', async ({ assert }) => {
    const admin = actors.tokens.admin
    assert.equal((await call(admin, 'GET', '/api/audit/999999999')).status, 404)
    assert.equal((await call(admin, 'GET', '/api/audit/99999999999999999999999')).status, 404)
    assert.equal((await call(admin, 'GET', '/api/audit/abc')).status, 404)
  })
})

test.group('/api/audit is read-only', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('no route writes it', ({ assert }) => {
    const writes = Object.values(router.toJSON())
      .flat()
      .filter((route) => route.pattern.startsWith('/api/audit'))
      .flatMap((route) => route.methods.filter((method) => !['GET', 'HEAD'].includes(method)))
    assert.deepEqual(writes, [])
  })

  test('POST, PUT, PATCH and DELETE answer 404 and change nothing', async ({ client, assert }) => {
    const [entry] = (await call(actors.tokens.admin, 'GET', '/api/audit?_end=1')).body
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/audit', `/api/audit/${entry.id}`]) {
        const bearer = await call(actors.tokens.admin, method, path, { action: 'forged' })
        assert.equal(bearer.status, 404, `${method} ${path}`)
        assert.equal(bearer.body.errors[0].code, 'E_NOT_FOUND')
        const session = await client
          .request(path, method.toLowerCase() as any)
          .json({ action: 'forged' })
          .loginAs(actors.users.admin)
          .withCsrfToken()
        session.assertStatus(404)
      }
    }
    const after = await call(actors.tokens.admin, 'GET', `/api/audit/${entry.id}`)
    assert.deepEqual(after.body, entry)
    const forged = await call(actors.tokens.admin, 'GET', '/api/audit?action=forged')
    assert.lengthOf(forged.body, 0)
  })
})

test.group('/api/audit filters', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  needs(
    test('by actor, action, resource and date range; newest first', async ({ assert }) => {
      const admin = actors.tokens.admin
      const first = (await call(actors.tokens.agent, 'POST', '/api/tasks', { title: 'by agent' }))
        .body
      await sleep(20)
      const from = new Date().toISOString()
      await sleep(20)
      await call(actors.tokens.operator, 'PATCH', `/api/tasks/${first.id}`, { column: 'doing' })
      await call(actors.tokens.operator, 'PATCH', `/api/tasks/${first.id}`, { title: 'renamed' })
      await sleep(20)
      const to = new Date().toISOString()
      await sleep(20)
      await call(admin, 'PATCH', `/api/tasks/${first.id}`, { column: 'done' })

      const ofTask = await call(
        admin,
        'GET',
        `/api/audit?resource_type=tasks&resource_id=${first.id}`
      )
      assert.equal(ofTask.headers.get('x-total-count'), '4')
      assert.deepEqual(
        ofTask.body.map((entry: any) => entry.action),
        ['task.moved', 'task.updated', 'task.moved', 'task.created']
      )
      const ids = ofTask.body.map((entry: any) => entry.id)
      assert.deepEqual(
        ids,
        [...ids].sort((a: number, b: number) => b - a)
      )
      assert.equal(ofTask.body[0].before_state.column, 'doing')
      assert.equal(ofTask.body[0].after_state.column, 'done')

      const byAgent = await call(
        admin,
        'GET',
        `/api/audit?actor_type=agent&actor_id=${actors.agent.id}&resource_id=${first.id}`
      )
      assert.deepEqual(
        byAgent.body.map((entry: any) => entry.action),
        ['task.created']
      )
      const byOperator = await call(
        admin,
        'GET',
        `/api/audit?actor_id=${actors.users.operator.id}&_sort=id&_order=asc`
      )
      assert.deepEqual(
        byOperator.body.map((entry: any) => entry.action),
        ['task.moved', 'task.updated']
      )
      const moves = await call(admin, 'GET', `/api/audit?action=task.moved&resource_id=${first.id}`)
      assert.deepEqual(
        moves.body.map((entry: any) => entry.after_state.column),
        ['done', 'doing']
      )
      const actions = await call(
        admin,
        'GET',
        `/api/audit?action=task.created&action=task.updated&resource_id=${first.id}`
      )
      assert.lengthOf(actions.body, 2)

      const window = await call(
        admin,
        'GET',
        `/api/audit?resource_id=${first.id}&created_at_gte=${from}&created_at_lte=${to}`
      )
      assert.deepEqual(
        window.body.map((entry: any) => entry.action),
        ['task.updated', 'task.moved']
      )
      assert.isTrue(window.body.every((entry: any) => entry.actor_id === actors.users.operator.id))
      const since = await call(
        admin,
        'GET',
        `/api/audit?resource_id=${first.id}&created_at_gte=${to}`
      )
      assert.deepEqual(
        since.body.map((entry: any) => entry.action),
        ['task.moved']
      )
    }),
    'orchestrator'
  )

  test('unknown fields and malformed values answer 422', async ({ assert }) => {
    for (const bad of [
      'before_state=x',
      'actor_type=robot',
      'actor_id=nope',
      'created_at_gte=yesterday',
      '_sort=before_state',
      '_end=5000',
    ]) {
      const response = await call(actors.tokens.admin, 'GET', `/api/audit?${bad}`)
      assert.equal(response.status, 422, bad)
    }
  })
})
