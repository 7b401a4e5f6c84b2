/**
 * A write's input is its JSON body, and rule checks run on exactly the data
 * that will be written. The query string is never input: fields smuggled in
 * the URL neither pass a role's field rule nor change anything.
 */
import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { needs } from '#tests/helpers/plugins'

function leadBody() {
  const tag = randomUUID().slice(0, 8)
  return {
    business_name: `Query Dental ${tag}`,
    niche: 'dentist',
    region: 'Austin, TX',
    website: `query-${tag}.example.com`,
    email: `hello@query-${tag}.example.com`,
    lead_score: 'C',
  }
}

test.group('Security: the body is the input, the query string is not', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  needs(
    test("a closer cannot change a lead's other fields through the query string", async ({
      assert,
    }) => {
      const lead = await call(actors.tokens.admin, 'POST', '/api/leads', leadBody())
      const query = new URLSearchParams({
        business_name: 'Renamed',
        email: 'x@evil.example',
        lead_score: 'A',
        website: 'evil.example.com',
      })
      const patched = await call(
        actors.tokens.closer,
        'PATCH',
        `/api/leads/${lead.body.id}?${query}`,
        {
          status: 'contacted',
        }
      )
      assert.equal(patched.status, 200)
      const stored = await db.from('leads').where('id', lead.body.id).first()
      assert.equal(stored.status, 'contacted')
      assert.equal(stored.business_name, lead.body.business_name)
      assert.equal(stored.email, lead.body.email)
      assert.equal(stored.lead_score, 'C')
      assert.equal(stored.website, lead.body.website)

      /* the same fields in the body are refused whole, naming them, and nothing is written */
      const refused = await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.body.id}`, {
        status: 'replied',
        business_name: 'Renamed',
        lead_score: 'A',
      })
      assert.equal(refused.status, 403)
      assert.include(refused.body.errors[0].message, 'business_name, lead_score')
      assert.equal((await db.from('leads').where('id', lead.body.id).first()).status, 'contacted')
    }),
    'leads'
  )

  needs(
    test('the audit row lists every field a change touched', async ({ assert }) => {
      const lead = await call(actors.tokens.admin, 'POST', '/api/leads', leadBody())
      const patched = await call(actors.tokens.operator, 'PATCH', `/api/leads/${lead.body.id}`, {
        status: 'contacted',
        lead_score: 'A',
        next_step: 'Call on Friday',
      })
      assert.equal(patched.status, 200)
      const audit = await db
        .from('audit_log')
        .where({ resource_type: 'leads', resource_id: lead.body.id })
        .orderBy('id', 'desc')
        .first()
      assert.equal(audit.action, 'lead.status_changed')
      assert.sameMembers(audit.metadata.changed, [
        'status',
        'lead_score',
        'next_step',
        'last_action_at',
      ])
      const event = await db.from('task_events').where('id', audit.metadata.seq).first()
      assert.sameMembers(event.payload.changed, audit.metadata.changed)
    }),
    'leads'
  )

  test('every validator reads the body alone: required fields in the URL do not count', async ({
    assert,
  }) => {
    const before = Number((await db.from('task_events').count('* as n'))[0].n)
    const task = await call(actors.tokens.operator, 'POST', '/api/tasks?title=From%20the%20URL', {})
    assert.equal(task.status, 422)
    assert.equal(task.body.errors[0].field, 'title')
    const user = await call(
      actors.tokens.admin,
      'POST',
      '/api/users?email=url%40example.com&role=admin&password=correct%20horse%20battery',
      {}
    )
    assert.equal(user.status, 422)
    assert.equal(Number((await db.from('task_events').count('* as n'))[0].n), before)
  })

  test("an operator's card move in the URL does not reach done", async ({ assert }) => {
    const task = await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'Stay put' })
    const moved = await call(
      actors.tokens.operator,
      'PATCH',
      `/api/tasks/${task.body.id}?column=done`,
      {
        title: 'Renamed only',
      }
    )
    assert.equal(moved.status, 200)
    assert.equal(moved.body.column, 'backlog')
    assert.equal(moved.body.title, 'Renamed only')
  })
})
