import { test } from '@japa/runner'
import { ACTORS, call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { newLeadBody } from './helpers.js'

const ALLOWED =
  (...names: ActorName[]) =>
  (name: ActorName, ok: number) =>
    names.includes(name) ? ok : name === 'anonymous' ? 401 : 403

test.group('Leads: the role table for every route', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })

  async function newLead() {
    const created = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    return created.body.id as string
  }

  test('list and get: every role and agents; anonymous 401', async ({ assert }) => {
    const id = await newLead()
    const rule = ALLOWED('admin', 'operator', 'closer', 'viewer', 'agent')
    for (const name of ACTORS) {
      const list = await call(actors.tokens[name], 'GET', '/api/leads')
      assert.equal(list.status, rule(name, 200), `list ${name}`)
      const one = await call(actors.tokens[name], 'GET', `/api/leads/${id}`)
      assert.equal(one.status, rule(name, 200), `get ${name}`)
    }
  })

  test('create: admin, operator, agent', async ({ assert }) => {
    const rule = ALLOWED('admin', 'operator', 'agent')
    for (const name of ACTORS) {
      const response = await call(actors.tokens[name], 'POST', '/api/leads', newLeadBody())
      assert.equal(response.status, rule(name, 201), name)
    }
  })

  test('update any field: admin, operator, agent', async ({ assert }) => {
    const rule = ALLOWED('admin', 'operator', 'agent')
    for (const name of ACTORS) {
      const id = await newLead()
      const response = await call(actors.tokens[name], 'PATCH', `/api/leads/${id}`, {
        business_name: `renamed by ${name}`,
        lead_score: 'B',
      })
      assert.equal(response.status, rule(name, 200), name)
    }
  })

  test('update status, next_step, notes: admin, operator, closer, agent', async ({ assert }) => {
    const rule = ALLOWED('admin', 'operator', 'closer', 'agent')
    for (const name of ACTORS) {
      const id = await newLead()
      const response = await call(actors.tokens[name], 'PATCH', `/api/leads/${id}`, {
        status: 'contacted',
        next_step: 'Call on Tuesday',
        notes: ['Asked for pricing'],
      })
      assert.equal(response.status, rule(name, 200), name)
    }
  })

  test('delete: admin only', async ({ assert }) => {
    const rule = ALLOWED('admin')
    for (const name of ACTORS) {
      const id = await newLead()
      const response = await call(actors.tokens[name], 'DELETE', `/api/leads/${id}`)
      assert.equal(response.status, rule(name, 204), name)
    }
  })

  test('export CSV: admin, operator, closer', async ({ assert }) => {
    const rule = ALLOWED('admin', 'operator', 'closer')
    for (const name of ACTORS) {
      const response = await call(actors.tokens[name], 'GET', '/api/leads/export.csv')
      assert.equal(response.status, rule(name, 200), name)
    }
  })

  test('a paused agent gets 423 and writes nothing', async ({ assert, cleanup }) => {
    const id = await newLead()
    await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/pause`)
    cleanup(async () => {
      await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/resume`)
    })
    const created = await call(actors.tokens.agent, 'POST', '/api/leads', newLeadBody())
    assert.equal(created.status, 423)
    const patched = await call(actors.tokens.agent, 'PATCH', `/api/leads/${id}`, {
      status: 'enriched',
    })
    assert.equal(patched.status, 423)
    const read = await call(actors.tokens.agent, 'GET', `/api/leads/${id}`)
    assert.equal(read.body.status, 'new')
  })
})
