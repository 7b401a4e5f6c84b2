import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { countersMatchLeads, footprint, newLeadBody } from './helpers.js'

test.group('Leads: create, read, update, delete', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })

  test('create answers the record with defaults, and records one event and one audit row', async ({
    assert,
  }) => {
    const before = await footprint()
    const body = newLeadBody({ source: undefined, lead_score: undefined, notes: undefined })
    const created = await call(actors.tokens.agent, 'POST', '/api/leads', body)
    assert.equal(created.status, 201)
    assert.containSubset(created.body, {
      business_name: body.business_name,
      website: body.website,
      email: body.email,
      source: 'manual',
      lead_score: 'C',
      status: 'new',
      last_action_at: null,
      next_step: null,
      notes: [],
    })
    assert.match(created.body.id, /^[0-9a-f-]{36}$/)
    assert.deepEqual(await footprint(), {
      leads: before.leads + 1,
      events: before.events + 1,
      audit: before.audit + 1,
    })
    const event = await db.from('task_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(event.event_type, 'lead.created')
    assert.equal(event.agent_id, actors.agent.id)
    assert.equal(event.payload.snapshot.id, created.body.id)
    const audit = await db.from('audit_log').orderBy('id', 'desc').firstOrFail()
    assert.equal(audit.action, 'lead.created')
    assert.equal(audit.resource_type, 'leads')
    assert.equal(audit.resource_id, created.body.id)
    assert.equal(audit.actor_type, 'agent')

    const read = await call(actors.tokens.viewer, 'GET', `/api/leads/${created.body.id}`)
    assert.deepEqual(read.body, created.body)
    // the list serializes its rows itself: the same record, field for field
    const listed = await call(actors.tokens.viewer, 'GET', `/api/leads?id=${created.body.id}`)
    assert.match(listed.headers.get('content-type')!, /^application\/json; charset=utf-8/)
    assert.deepEqual(listed.body, [created.body])
  })

  test('emails are stored lower-case; emptied optional fields are null', async ({ assert }) => {
    const created = await call(
      actors.tokens.admin,
      'POST',
      '/api/leads',
      newLeadBody({ email: `  Jane.Doe@Example-${randomUUID().slice(0, 6)}.COM `, phone: '' })
    )
    assert.equal(created.status, 201)
    assert.match(created.body.email, /^jane\.doe@example-[0-9a-f]{6}\.com$/)
    assert.isNull(created.body.phone)
  })

  test('unknown and malformed ids answer 404', async ({ assert }) => {
    for (const path of [`/api/leads/${randomUUID()}`, '/api/leads/not-a-uuid']) {
      const response = await call(actors.tokens.admin, 'GET', path)
      assert.equal(response.status, 404, path)
      assert.equal(response.body.errors[0].code, 'E_NOT_FOUND')
    }
    const patch = await call(actors.tokens.admin, 'PATCH', `/api/leads/${randomUUID()}`, {
      status: 'lost',
    })
    assert.equal(patch.status, 404)
    const remove = await call(actors.tokens.admin, 'DELETE', `/api/leads/${randomUUID()}`)
    assert.equal(remove.status, 404)
  })

  test('delete answers 204, unlinks linked tasks with their own event, and records lead.deleted', async ({
    assert,
  }) => {
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: 'Write to this lead',
      linked_lead_id: lead.body.id,
    })
    assert.equal(task.status, 201)

    const removed = await call(actors.tokens.admin, 'DELETE', `/api/leads/${lead.body.id}`)
    assert.equal(removed.status, 204)
    assert.equal((await call(actors.tokens.admin, 'GET', `/api/leads/${lead.body.id}`)).status, 404)

    const unlinked = await call(actors.tokens.admin, 'GET', `/api/tasks/${task.body.id}`)
    assert.isNull(unlinked.body.linked_lead_id)
    const events = await db
      .from('task_events')
      .whereIn('event_type', ['task.updated', 'lead.deleted'])
      .orderBy('id', 'desc')
      .limit(2)
    assert.deepEqual(
      events.map((event) => event.event_type),
      ['lead.deleted', 'task.updated']
    )
    assert.equal(events[1].payload.snapshot.linked_lead_id, null)
    const audit = await db
      .from('audit_log')
      .where({ action: 'lead.deleted', resource_id: lead.body.id })
      .firstOrFail()
    assert.equal(audit.before_state.id, lead.body.id)
  })
})

test.group('Leads: closers change only status, next_step and notes', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })

  test('any other field is refused with 403 naming it, and nothing is written', async ({
    assert,
  }) => {
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    const before = await footprint()
    for (const body of [
      { status: 'contacted', website: 'https://elsewhere.example' },
      { lead_score: 'B' },
      { notes: ['fine'], business_name: 'Renamed' },
      { status: 'replied', last_action_at: '2020-01-01T00:00:00Z' },
    ]) {
      const response = await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.body.id}`, body)
      assert.equal(response.status, 403, JSON.stringify(body))
      assert.equal(response.body.errors[0].code, 'E_FORBIDDEN')
      const refused = Object.keys(body).filter((k) => !['status', 'next_step', 'notes'].includes(k))
      for (const field of refused) assert.include(response.body.errors[0].message, field)
      assert.include(response.body.errors[0].message, 'status, next_step and notes')
    }
    assert.deepEqual(await footprint(), before)
    const stored = await call(actors.tokens.admin, 'GET', `/api/leads/${lead.body.id}`)
    assert.deepEqual(stored.body, lead.body)
  })

  test('the follow-up fields are the closer’s to change', async ({ assert }) => {
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    const response = await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.body.id}`, {
      status: 'replied',
      next_step: 'Send pricing',
      notes: ['Wants a demo in May', 'Decision maker: the owner'],
    })
    assert.equal(response.status, 200)
    assert.containSubset(response.body, {
      status: 'replied',
      next_step: 'Send pricing',
      notes: ['Wants a demo in May', 'Decision maker: the owner'],
      business_name: lead.body.business_name,
    })
    const audit = await db.from('audit_log').orderBy('id', 'desc').firstOrFail()
    assert.equal(audit.actor_id, actors.users.closer.id)
    assert.equal(audit.before_state.status, 'new')
    assert.equal(audit.after_state.status, 'replied')
  })
})

test.group('Leads: last_action_at', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })

  test('is empty at creation, kept by other edits, stamped by a status change', async ({
    assert,
  }) => {
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    assert.isNull(lead.body.last_action_at)

    const edited = await call(actors.tokens.operator, 'PATCH', `/api/leads/${lead.body.id}`, {
      next_step: 'Research the owner',
      region: 'Denver, CO',
    })
    assert.equal(edited.status, 200)
    assert.isNull(edited.body.last_action_at)
    const updatedEvent = await db.from('task_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(updatedEvent.event_type, 'lead.updated')

    const startedAt = Date.now()
    const moved = await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.body.id}`, {
      status: 'contacted',
    })
    const stamped = Date.parse(moved.body.last_action_at)
    assert.isAtLeast(stamped, startedAt - 1000)
    assert.isAtMost(stamped, Date.now() + 1000)
    const event = await db.from('task_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(event.event_type, 'lead.status_changed')
    assert.containSubset(event.payload, { from: 'new', to: 'contacted', id: lead.body.id })

    // the same status again changes nothing and writes nothing
    const before = await footprint()
    const again = await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.body.id}`, {
      status: 'contacted',
    })
    assert.equal(again.status, 200)
    assert.equal(again.body.last_action_at, moved.body.last_action_at)
    assert.deepEqual(await footprint(), before)
  })
})

test.group('Leads: duplicates (normalized website or email) answer 409', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })

  test('the same website written another way is refused, naming the existing lead', async ({
    assert,
  }) => {
    const host = `dup-${randomUUID().slice(0, 8)}`
    const first = await call(
      actors.tokens.admin,
      'POST',
      '/api/leads',
      newLeadBody({ website: `https://www.${host}.com/`, email: null })
    )
    assert.equal(first.status, 201)
    const before = await footprint()
    for (const website of [
      `https://www.${host}.com/`,
      `http://${host}.com`,
      `${host}.com`,
      `${host.toUpperCase()}.COM`,
      `https://WWW.${host}.com///`,
      `https://${host}.com/?utm_source=newsletter#contact`,
      `  www.${host}.com  `,
    ]) {
      const response = await call(
        actors.tokens.agent,
        'POST',
        '/api/leads',
        newLeadBody({ website, email: null })
      )
      assert.equal(response.status, 409, website)
      const [error] = response.body.errors
      assert.equal(error.code, 'E_DUPLICATE_LEAD')
      assert.equal(error.field, 'website')
      assert.equal(error.existing_id, first.body.id)
      assert.include(error.message, first.body.id)
    }
    assert.deepEqual(await footprint(), before)

    // another path or another host is another business
    for (const website of [`${host}.com/other-location`, `shop.${host}.com`]) {
      const response = await call(
        actors.tokens.agent,
        'POST',
        '/api/leads',
        newLeadBody({ website, email: null })
      )
      assert.equal(response.status, 201, website)
    }
  })

  test('the same email in another case is refused', async ({ assert }) => {
    const email = `Owner@Case-${randomUUID().slice(0, 8)}.com`
    const first = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody({ email }))
    assert.equal(first.status, 201)
    const response = await call(
      actors.tokens.operator,
      'POST',
      '/api/leads',
      newLeadBody({ email: ` ${email.toUpperCase()} ` })
    )
    assert.equal(response.status, 409)
    assert.containSubset(response.body.errors[0], {
      code: 'E_DUPLICATE_LEAD',
      field: 'email',
      existing_id: first.body.id,
    })
  })

  test('an update to another lead’s website or email is refused and changes nothing', async ({
    assert,
  }) => {
    const taken = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    const before = await footprint()
    const website = await call(actors.tokens.admin, 'PATCH', `/api/leads/${lead.body.id}`, {
      website: taken.body.website.replace('https://www.', 'http://'),
      status: 'enriched',
    })
    assert.equal(website.status, 409)
    assert.equal(website.body.errors[0].existing_id, taken.body.id)
    const email = await call(actors.tokens.admin, 'PATCH', `/api/leads/${lead.body.id}`, {
      email: taken.body.email.toUpperCase(),
    })
    assert.equal(email.status, 409)
    assert.equal(email.body.errors[0].field, 'email')
    assert.deepEqual(await footprint(), before)
    assert.deepEqual(
      (await call(actors.tokens.admin, 'GET', `/api/leads/${lead.body.id}`)).body,
      lead.body
    )

    // its own website, written another way, is not a duplicate of itself
    const same = await call(actors.tokens.admin, 'PATCH', `/api/leads/${lead.body.id}`, {
      website: lead.body.website.replace('https://www.', '').replace(/\/$/, ''),
    })
    assert.equal(same.status, 200)
  })

  test('concurrent creates of the same business: exactly one wins', async ({ assert }) => {
    const host = `race-${randomUUID().slice(0, 8)}`
    const variants = [
      `https://${host}.com`,
      `http://www.${host}.com/`,
      `${host}.com`,
      `https://WWW.${host}.COM`,
      `${host}.com/`,
      `https://${host}.com/#about`,
      `www.${host}.com`,
      `http://${host}.com?ref=maps`,
    ]
    const answers = await Promise.all(
      variants.map((website, index) =>
        call(
          index % 2 ? actors.tokens.agent : actors.tokens.operator,
          'POST',
          '/api/leads',
          newLeadBody({ website, email: null })
        )
      )
    )
    const created = answers.filter((answer) => answer.status === 201)
    const refused = answers.filter((answer) => answer.status === 409)
    assert.lengthOf(created, 1)
    assert.lengthOf(refused, variants.length - 1)
    for (const answer of refused) {
      assert.equal(answer.body.errors[0].existing_id, created[0].body.id)
    }
    const [{ n }] = await db
      .from('leads')
      .whereRaw('leads_website_key(website) = ?', [`${host}.com`])
      .count('* as n')
    assert.equal(Number(n), 1)
    const events = await db
      .from('task_events')
      .where('event_type', 'lead.created')
      .whereRaw(`payload->>'id' = ?`, [created[0].body.id])
    assert.lengthOf(events, 1)
  })
})

test.group('Leads: validation', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })

  test('invalid creates answer 422 naming the field, and write nothing', async ({ assert }) => {
    const before = await footprint()
    const cases: [Record<string, unknown>, string][] = [
      [{ business_name: undefined }, 'business_name'],
      [{ business_name: '   ' }, 'business_name'],
      [{ niche: undefined }, 'niche'],
      [{ region: 'x'.repeat(101) }, 'region'],
      [{ website: undefined }, 'website'],
      [{ website: 'not a website' }, 'website'],
      [{ website: 'http://' }, 'website'],
      [{ website: 'ftp://example.com' }, 'website'],
      [{ website: 'javascript:alert(1)' }, 'website'],
      [{ email: 'nope' }, 'email'],
      [{ lead_score: 'D' }, 'lead_score'],
      [{ status: 'won' }, 'status'],
      [{ notes: 'one string' }, 'notes'],
      [{ notes: ['ok', 42] }, 'notes.1'],
      [{ notes: ['ok', '   '] }, 'notes.1'],
      [{ notes: Array.from({ length: 51 }, (_, i) => `note ${i}`) }, 'notes'],
      [{ notes: ['x'.repeat(1001)] }, 'notes.0'],
      [{ next_step: 'x'.repeat(501) }, 'next_step'],
    ]
    for (const [overrides, field] of cases) {
      const response = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody(overrides))
      assert.equal(response.status, 422, JSON.stringify(overrides).slice(0, 80))
      assert.include(
        response.body.errors.map((error: any) => error.field),
        field,
        JSON.stringify(response.body)
      )
      assert.equal(response.body.errors[0].code, 'E_VALIDATION_ERROR')
    }
    assert.deepEqual(await footprint(), before)
  })

  test('invalid updates answer 422 and write nothing', async ({ assert }) => {
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    const before = await footprint()
    for (const body of [
      { status: 'won' },
      { notes: [null] },
      { business_name: '' },
      { website: 'nope' },
      { status: 'contacted', lead_score: 'Z' },
    ]) {
      const response = await call(actors.tokens.admin, 'PATCH', `/api/leads/${lead.body.id}`, body)
      assert.equal(response.status, 422, JSON.stringify(body))
    }
    // a closer's invalid follow-up is a 422 too, not a 403
    const closer = await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.body.id}`, {
      notes: 'not a list',
    })
    assert.equal(closer.status, 422)
    assert.deepEqual(await footprint(), before)
    assert.deepEqual(
      (await call(actors.tokens.admin, 'GET', `/api/leads/${lead.body.id}`)).body,
      lead.body
    )
  })

  test('malformed JSON is a 400', async ({ assert }) => {
    const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/leads`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${actors.tokens.admin}`,
        'content-type': 'application/json',
      },
      body: '{"business_name": ',
    })
    assert.equal(response.status, 400)
  })
})

test.group('Leads: the list', (group) => {
  let actors: Actors
  const source = `list-${randomUUID().slice(0, 8)}`
  const ids: Record<string, string> = {}
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
    const rows: [string, string, string, string][] = [
      ['Zeta Roofing', 'Roofers', 'lost', 'A'],
      ['Alpha Dental', 'Dentists', 'new', 'B'],
      ['Mid Plumbing', 'Plumbers', 'contacted', 'A'],
      ['Beta Dental', 'Dentists', 'booked', 'C'],
      ['Omega HVAC', 'HVAC', 'enriched', 'B'],
    ]
    for (const [name, niche, status, score] of rows) {
      const created = await call(
        actors.tokens.admin,
        'POST',
        '/api/leads',
        newLeadBody({ business_name: name, niche, status, lead_score: score, source })
      )
      ids[name] = created.body.id
    }
  })

  async function list(query: string) {
    const response = await call(actors.tokens.viewer, 'GET', `/api/leads?source=${source}&${query}`)
    return {
      status: response.status,
      total: Number(response.headers.get('x-total-count')),
      names: Array.isArray(response.body)
        ? response.body.map((lead: any) => lead.business_name)
        : [],
      body: response.body,
    }
  }

  test('sorting by status follows the funnel, not the alphabet', async ({ assert }) => {
    const sorted = await list('_sort=status&_order=asc')
    assert.deepEqual(sorted.names, [
      'Alpha Dental',
      'Omega HVAC',
      'Mid Plumbing',
      'Beta Dental',
      'Zeta Roofing',
    ])
    const further = await list('status_gte=contacted&_sort=business_name')
    assert.deepEqual(further.names, ['Beta Dental', 'Mid Plumbing', 'Zeta Roofing'])
  })

  test('filters, q, sort and paging, with x-total-count', async ({ assert }) => {
    const dentists = await list('niche=Dentists&_sort=business_name&_order=desc')
    assert.deepEqual(dentists.names, ['Beta Dental', 'Alpha Dental'])
    assert.equal(dentists.total, 2)

    const page = await list('_sort=lead_score,business_name&_order=asc,desc&_start=1&_end=3')
    assert.deepEqual(page.names, ['Mid Plumbing', 'Omega HVAC'])
    assert.equal(page.total, 5)

    const search = await list('q=DENTAL')
    assert.equal(search.total, 2)
    const like = await list('business_name_like=ta d')
    assert.deepEqual(like.names, ['Beta Dental'])
    const notLost = await list('status_ne=lost')
    assert.equal(notLost.total, 4)
    const many = await call(
      actors.tokens.viewer,
      'GET',
      `/api/leads?id=${ids['Zeta Roofing']}&id=${ids['Alpha Dental']}`
    )
    assert.equal(many.headers.get('x-total-count'), '2')
  })

  test('x-total-count from the counters equals a real count for every kind of filter', async ({
    assert,
  }) => {
    for (const query of [
      '',
      'status=new',
      'status=new&status=booked',
      'lead_score=A&niche=Dentists',
      'niche_like=dent',
      'status_ne=lost&region=Austin, TX',
      'status_gte=contacted&lead_score_lte=B',
      'niche=Dentists&q=dental',
      'source=google_maps',
    ]) {
      // URLSearchParams encodes the comma of "Austin, TX" (a raw comma separates values)
      const params = new URLSearchParams(query)
      const response = await call(actors.tokens.viewer, 'GET', `/api/leads?${params}`)
      assert.equal(response.status, 200, query)
      const real = db.from('leads')
      for (const [key, value] of params) {
        if (key === 'q')
          real.where((q) =>
            q
              .whereILike('business_name', `%${value}%`)
              .orWhereILike('contact_name', `%${value}%`)
              .orWhereILike('email', `%${value}%`)
              .orWhereILike('website', `%${value}%`)
              .orWhereILike('niche', `%${value}%`)
              .orWhereILike('region', `%${value}%`)
          )
        else if (key.endsWith('_like')) real.whereILike(key.slice(0, -5), `%${value}%`)
        else if (key.endsWith('_ne')) real.whereNot(key.slice(0, -3), value)
        else if (key.endsWith('_gte')) real.where(key.slice(0, -4), '>=', value)
        else if (key.endsWith('_lte')) real.where(key.slice(0, -4), '<=', value)
        else real.whereIn(key, params.getAll(key))
      }
      const [{ n }] = await real.count('* as n')
      assert.equal(response.headers.get('x-total-count'), String(n), query)
    }
    assert.isTrue(await countersMatchLeads())
  })

  test('unknown or unsupported filters and sorts answer 422', async ({ assert }) => {
    for (const query of ['notes=x', 'color=red', '_sort=notes', '_sort=website', '_end=5000']) {
      const response = await call(actors.tokens.viewer, 'GET', `/api/leads?${query}`)
      assert.equal(response.status, 422, query)
    }
    const nul = await call(actors.tokens.viewer, 'GET', '/api/leads?q=a%00b')
    assert.equal(nul.status, 422)
  })

  test('the counters follow every insert, update and delete', async ({ assert }) => {
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    await call(actors.tokens.admin, 'PATCH', `/api/leads/${lead.body.id}`, {
      status: 'booked',
      niche: 'Orthodontists',
      region: 'Boise, ID',
    })
    await call(actors.tokens.admin, 'PATCH', `/api/leads/${lead.body.id}`, { lead_score: 'C' })
    assert.isTrue(await countersMatchLeads())
    await call(actors.tokens.admin, 'DELETE', `/api/leads/${lead.body.id}`)
    assert.isTrue(await countersMatchLeads())
  })
})
