import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { agentOfType } from '#tests/helpers/agent_types'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import { countersMatchLeads, footprint, newLeadBody } from './helpers.js'

const bulk = (token: string | null, leads: unknown) =>
  call(token, 'POST', '/api/leads/bulk', { leads })

test.group('Leads bulk: per-row results', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
    check = responseChecker(await openApiDocument())
  })

  test('created, duplicate of the table, duplicate within the request, invalid: in input order', async ({
    assert,
  }) => {
    const existing = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    assert.equal(existing.status, 201)
    const first = newLeadBody({ source: undefined, lead_score: undefined, notes: undefined })
    const tag = randomUUID().slice(0, 8)
    const rows = [
      first,
      // the existing lead's website, written another way
      newLeadBody({
        website: existing.body.website.replace('https://www.', 'HTTP://').toUpperCase(),
      }),
      // the first row's e-mail in another case: a duplicate of a lead this request creates
      newLeadBody({ email: first.email.toUpperCase() }),
      // invalid: no business name, a website that is not one, an unknown score
      { ...newLeadBody(), business_name: '', website: 'not a website', lead_score: 'Z' },
      'not an object',
      newLeadBody({ website: `https://other-${tag}.example.com/`, email: null }),
    ]
    const before = await footprint()
    const answer = await bulk(actors.tokens.agent, rows)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(check('POST', '/api/leads/bulk', 200, answer.body), [])

    const { results, totals, batch_id: batchId } = answer.body
    assert.deepEqual(
      results.map((r: any) => [r.index, r.status, r.code ?? null]),
      [
        [0, 'created', null],
        [1, 'refused', 'E_DUPLICATE_LEAD'],
        [2, 'refused', 'E_DUPLICATE_LEAD'],
        [3, 'refused', 'E_VALIDATION_ERROR'],
        [4, 'refused', 'E_VALIDATION_ERROR'],
        [5, 'created', null],
      ]
    )
    assert.deepEqual(totals, {
      received: 6,
      created: 2,
      refused: 4,
      duplicates: 2,
      invalid: 2,
      suppressed: 0,
    })
    assert.deepInclude(results[1], { field: 'website', existing_id: existing.body.id })
    assert.deepInclude(results[2], {
      field: 'email',
      existing_id: results[0].id,
      duplicate_of_index: 0,
    })
    assert.sameMembers(
      results[3].errors.map((e: any) => e.field),
      ['business_name', 'website', 'lead_score']
    )
    assert.isTrue(results[3].errors.every((e: any) => e.message && e.rule))
    assert.deepEqual(results[4].errors, [
      { message: 'Each lead must be a JSON object', rule: 'object' },
    ])

    // the created rows are leads like any other, with the single create's defaults
    const read = await call(actors.tokens.viewer, 'GET', `/api/leads/${results[0].id}`)
    assert.containSubset(read.body, {
      business_name: first.business_name,
      source: 'manual',
      lead_score: 'C',
      status: 'new',
      notes: [],
      last_action_at: null,
      suppressed: false,
      suppression: null,
    })
    const other = await call(actors.tokens.viewer, 'GET', `/api/leads/${results[5].id}`)
    assert.isNull(other.body.email)

    // one event and one audit row for the whole request, with the counts
    assert.deepEqual(await footprint(), {
      leads: before.leads + 2,
      events: before.events + 1,
      audit: before.audit + 1,
    })
    const event = await db.from('task_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(event.event_type, 'lead.bulk_created')
    assert.equal(event.agent_id, actors.agent.id)
    assert.containSubset(event.payload, {
      resource: 'leads',
      id: batchId,
      created: 2,
      refused: 4,
      duplicates: 2,
      invalid: 2,
    })
    assert.sameMembers(event.payload.ids, [results[0].id, results[5].id])
    const audit = await db.from('audit_log').orderBy('id', 'desc').firstOrFail()
    assert.deepInclude(audit, {
      action: 'lead.bulk_created',
      resource_type: 'leads',
      resource_id: batchId,
      actor_type: 'agent',
    })
    assert.containSubset(audit.after_state, { received: 6, created: 2, refused: 4 })
    assert.isTrue(await countersMatchLeads())
  })

  test('a request whose every row is refused writes nothing and records nothing', async ({
    assert,
  }) => {
    const existing = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    const before = await footprint()
    const answer = await bulk(actors.tokens.agent, [
      newLeadBody({ website: existing.body.website }),
      { business_name: 'No website' },
    ])
    assert.equal(answer.status, 200)
    assert.isNull(answer.body.batch_id)
    assert.deepInclude(answer.body.totals, { created: 0, refused: 2 })
    assert.deepEqual(await footprint(), before)
  })

  test('1,000 rows go in at once; 1,001 are refused with 413 and nothing is written', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const rows = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) =>
        newLeadBody({
          website: `https://${prefix}-${i}-${tag}.example.com`,
          email: `hello@${prefix}-${i}-${tag}.example.com`,
        })
      )
    const before = await footprint()
    const tooMany = await bulk(actors.tokens.agent, rows(1001, 'too-many'))
    assert.equal(tooMany.status, 413)
    assert.equal(tooMany.body.errors[0].code, 'E_TOO_MANY_ROWS')
    assert.deepEqual(await footprint(), before)

    const full = await bulk(actors.tokens.agent, rows(1000, 'full'))
    assert.equal(full.status, 200)
    assert.equal(full.body.totals.created, 1000)
    assert.deepEqual(await footprint(), {
      leads: before.leads + 1000,
      events: before.events + 1,
      audit: before.audit + 1,
    })
    assert.isTrue(await countersMatchLeads())
  })

  test('an empty list, a missing one or not a list is a 422', async ({ assert }) => {
    const before = await footprint()
    for (const body of [{ leads: [] }, {}, { leads: 'many' }]) {
      const answer = await call(actors.tokens.agent, 'POST', '/api/leads/bulk', body)
      assert.equal(answer.status, 422, JSON.stringify(body))
      assert.equal(answer.body.errors[0].field, 'leads')
    }
    assert.deepEqual(await footprint(), before)
  })

  test('two requests with the same lead at once: it is created once, the other row is a duplicate', async ({
    assert,
  }) => {
    const body = newLeadBody()
    const answers = await Promise.all([
      bulk(actors.tokens.agent, [body]),
      bulk(actors.tokens.admin, [body]),
    ])
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200]
    )
    const rows = answers.map((a) => a.body.results[0])
    assert.sameMembers(
      rows.map((r) => r.status),
      ['created', 'refused']
    )
    const created = rows.find((r) => r.status === 'created')
    const refused = rows.find((r) => r.status === 'refused')
    assert.equal(refused.code, 'E_DUPLICATE_LEAD')
    assert.equal(refused.existing_id, created.id)
  })

  test('agents finding the same leads in opposite orders: all answered, each lead created once', async ({
    assert,
  }) => {
    const leads = Array.from({ length: 40 }, () => newLeadBody())
    const reversed = [...leads].reverse()
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        bulk(i % 2 ? actors.tokens.admin : actors.tokens.agent, i % 2 ? reversed : leads)
      )
    )
    // every request inserts in one order (by normalized website): the later ones wait for the
    // earlier's commit and skip its leads, never a deadlock to break (a 503 to retry) or a timeout
    for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body))
    const created = answers.reduce((sum, answer) => sum + answer.body.totals.created, 0)
    assert.equal(created, leads.length, 'each lead created by one request')
    const websites = leads.map((lead) => lead.website)
    const rows = await db.from('leads').whereIn('website', websites)
    assert.lengthOf(rows, leads.length, 'each lead exactly once')
  }).timeout(60_000)
})

test.group('Leads bulk: who may', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })

  test('admin, operator and an agent whose type writes leads; closer and viewer 403, anonymous 401', async ({
    assert,
  }) => {
    const expected = {
      admin: 200,
      operator: 200,
      agent: 200,
      closer: 403,
      viewer: 403,
      anonymous: 401,
    }
    for (const [name, status] of Object.entries(expected)) {
      const before = await footprint()
      const answer = await bulk(actors.tokens[name as keyof typeof expected], [newLeadBody()])
      assert.equal(answer.status, status, name)
      if (status !== 200) assert.deepEqual(await footprint(), before, name)
    }
  })

  test('an agent type without the leads.write ability is refused, naming the ability', async ({
    assert,
  }) => {
    const { token } = await agentOfType('copywriter')
    const before = await footprint()
    const answer = await bulk(token, [newLeadBody()])
    assert.equal(answer.status, 403)
    assert.include(answer.body.errors[0].message, 'leads.write')
    assert.deepEqual(await footprint(), before)
  })

  test('a paused agent gets 423 and nothing is written', async ({ assert }) => {
    const { agent, token } = await agentOfType('lead_finder')
    const paused = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/pause`, {
      reason: 'checking its sources',
    })
    assert.equal(paused.status, 200)
    const before = await footprint()
    const answer = await bulk(token, [newLeadBody(), newLeadBody()])
    assert.equal(answer.status, 423)
    assert.equal(answer.body.errors[0].code, 'E_AGENT_PAUSED')
    assert.deepEqual(await footprint(), before)

    await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/resume`)
    const resumed = await bulk(token, [newLeadBody()])
    assert.equal(resumed.status, 200)
    assert.equal(resumed.body.totals.created, 1)
  })
})
