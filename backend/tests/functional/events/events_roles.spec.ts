import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { BrowserSession } from '#tests/helpers/browser_session'
import { needs } from '#tests/helpers/plugins'

/* What the contract's role table allows on /api/events. */
const CAN_READ: ActorName[] = ['admin', 'operator', 'closer', 'viewer', 'agent']
const CAN_EMIT: ActorName[] = ['admin', 'operator', 'agent']
const PEOPLE: ActorName[] = ['admin', 'operator', 'closer', 'viewer', 'agent']

test.group('/api/events role rules', (group) => {
  let actors: Actors
  let seq: number
  group.setup(async () => {
    actors = await makeActors()
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'for events' })
    const [event] = (await call(actors.tokens.admin, 'GET', `/api/events?task_id=${task.body.id}`))
      .body
    seq = event.id
  })

  test('every role and agents read the list, the backfill and one event', async ({ assert }) => {
    for (const name of PEOPLE) {
      const token = actors.tokens[name]
      const list = await call(token, 'GET', '/api/events')
      const backfill = await call(token, 'GET', `/api/events?after=${seq - 1}`)
      const one = await call(token, 'GET', `/api/events/${seq}`)
      const expected = CAN_READ.includes(name) ? 200 : 403
      assert.equal(list.status, expected, `${name} list`)
      assert.equal(backfill.status, expected, `${name} backfill`)
      assert.equal(one.status, expected, `${name} show`)
      assert.equal(one.body.id, seq)
    }
  })

  needs(
    test('only admins, operators and agents emit events', async ({ assert }) => {
      /* a type the agent's type (orchestrator) declares, so the agent may post it too */
      const marker = randomUUID()
      for (const name of PEOPLE) {
        const response = await call(actors.tokens[name], 'POST', '/api/events', {
          event_type: 'work.assigned',
          payload: { task_id: marker, agent_id: actors.agent.id, note: name },
        })
        assert.equal(response.status, CAN_EMIT.includes(name) ? 201 : 403, name)
        if (!CAN_EMIT.includes(name)) assert.equal(response.body.errors[0].code, 'E_FORBIDDEN')
      }
      const emitted = await call(actors.tokens.admin, 'GET', '/api/events?event_type=work.assigned')
      assert.sameMembers(
        emitted.body
          .filter((event: any) => event.payload.task_id === marker)
          .map((event: any) => event.payload.note),
        CAN_EMIT
      )
    }),
    'orchestrator'
  )

  test('a person emits with a session cookie and the XSRF token', async ({ client, assert }) => {
    const response = await client
      .post('/api/events')
      .json({ event_type: 'session.checked', payload: {} })
      .loginAs(actors.users.operator)
      .withCsrfToken()
    response.assertStatus(201)
    assert.equal(response.body().created_by, actors.users.operator.id)
  })

  test('anonymous requests get 401 and write nothing', async ({ assert }) => {
    const anonymous = new BrowserSession()
    assert.equal((await anonymous.get('/api/events')).status, 401)
    assert.equal((await anonymous.get(`/api/events?after=0`)).status, 401)
    assert.equal((await anonymous.get(`/api/events/${seq}`)).status, 401)
    const post = await anonymous.post('/api/events', { event_type: 'anon.tried', payload: {} })
    assert.equal(post.status, 401)
    const found = await call(actors.tokens.admin, 'GET', '/api/events?event_type=anon.tried')
    assert.lengthOf(found.body, 0)
  })

  test('unknown or malformed ids answer 404', async ({ assert }) => {
    const admin = actors.tokens.admin
    assert.equal((await call(admin, 'GET', '/api/events/999999999')).status, 404)
    assert.equal((await call(admin, 'GET', '/api/events/99999999999999999999999')).status, 404)
    assert.equal((await call(admin, 'GET', '/api/events/abc')).status, 404)
    const uuid = await call(admin, 'GET', '/api/events/00000000-0000-4000-8000-000000000000')
    assert.equal(uuid.status, 404)
  })
})
