import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { parse } from 'csv-parse/sync'
import { randomUUID } from 'node:crypto'
import { domainToASCII } from 'node:url'
import { ACTORS, call, makeActors, type Actors } from '#tests/helpers/actors'
import { agentOfType } from '#tests/helpers/agent_types'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import { footprint, newLeadBody } from './helpers.js'

const suppress = (token: string | null, value: string, reason?: string) =>
  call(token, 'POST', '/api/suppressions', { value, ...(reason ? { reason } : {}) })

/* Entries are global: each test names its own domains, and the group removes what it added. */
const removeEntries = async () => {
  await db.from('suppressions').delete()
}

async function exportCsv(token: string | null, query: string) {
  const response = await fetch(
    `http://${process.env.HOST}:${process.env.PORT}/api/leads/export.csv?${query}`,
    { headers: token ? { authorization: `Bearer ${token}` } : {} }
  )
  const text = await response.text()
  if (response.status !== 200) throw new Error(`export ${query}: ${response.status} ${text}`)
  return parse(text, { columns: true, bom: true }) as Record<string, string>[]
}

async function listed(token: string | null, query: string) {
  const response = await call(token, 'GET', `/api/leads?${query}&_start=0&_end=100`)
  if (response.status !== 200) throw new Error(`list ${query}: ${JSON.stringify(response.body)}`)
  return { rows: response.body as any[], total: Number(response.headers.get('x-total-count')) }
}

test.group('Suppression: the list (admins only)', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
    check = responseChecker(await openApiDocument())
    return removeEntries
  })

  test('only admins read, add and remove entries', async ({ assert }) => {
    for (const name of ACTORS) {
      const token = actors.tokens[name]
      const refused = name === 'anonymous' ? 401 : 403
      const tag = randomUUID().slice(0, 8)
      const before = await footprint()
      const list = await call(token, 'GET', '/api/suppressions')
      const one = await suppress(token, `${name}-${tag}.example.com`)
      const many = await call(token, 'POST', '/api/suppressions/bulk', {
        values: [`many-${name}-${tag}.example.com`],
      })
      if (name === 'admin') {
        assert.equal(list.status, 200)
        assert.equal(one.status, 201)
        assert.equal(many.status, 200)
        const removed = await call(token, 'DELETE', `/api/suppressions/${one.body.id}`)
        assert.equal(removed.status, 204)
        const again = await call(token, 'DELETE', `/api/suppressions/${one.body.id}`)
        assert.equal(again.status, 404)
      } else {
        assert.deepEqual([list.status, one.status, many.status], [refused, refused, refused], name)
        const entry = await db.from('suppressions').firstOrFail()
        const removed = await call(token, 'DELETE', `/api/suppressions/${entry.id}`)
        assert.equal(removed.status, refused, name)
        assert.deepEqual(await footprint(), before, name)
      }
    }
  })

  test('entries are normalized; the kind follows from the value; a second time is a 409', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const before = await footprint()
    const domain = await suppress(
      actors.tokens.admin,
      `  HTTPS://www.Acme-${tag}.Example.com:8443/contact?x=1 `,
      'Asked to be left alone'
    )
    assert.equal(domain.status, 201, JSON.stringify(domain.body))
    assert.deepEqual(check('POST', '/api/suppressions', 201, domain.body), [])
    assert.deepInclude(domain.body, {
      kind: 'domain',
      value: `acme-${tag}.example.com`,
      reason: 'Asked to be left alone',
      created_by: actors.users.admin.id,
    })
    const at = await suppress(actors.tokens.admin, `@Other-${tag}.example.com`)
    assert.deepInclude(at.body, { kind: 'domain', value: `other-${tag}.example.com` })
    const email = await suppress(actors.tokens.admin, ` Jo.Smith@Acme-${tag}.Example.com`)
    assert.deepInclude(email.body, { kind: 'email', value: `jo.smith@acme-${tag}.example.com` })

    // one event and one audit row each; the event names the entry, never the address
    assert.deepEqual(await footprint(), {
      leads: before.leads,
      events: before.events + 3,
      audit: before.audit + 3,
    })
    const event = await db.from('task_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(event.event_type, 'suppression.created')
    assert.notInclude(JSON.stringify(event.payload), 'jo.smith')
    const audit = await db.from('audit_log').orderBy('id', 'desc').firstOrFail()
    assert.equal(audit.after_state.value, `jo.smith@acme-${tag}.example.com`)

    const again = await suppress(actors.tokens.admin, `acme-${tag}.example.com/`)
    assert.equal(again.status, 409)
    assert.deepInclude(again.body.errors[0], {
      code: 'E_ALREADY_SUPPRESSED',
      existing_id: domain.body.id,
    })

    for (const value of ['', 'localhost', '*.acme.com', 'jo@', 'not an address@acme.com']) {
      const invalid = await suppress(actors.tokens.admin, value)
      assert.equal(invalid.status, 422, value)
      assert.equal(invalid.body.errors[0].field, 'value')
    }

    const list = await call(actors.tokens.admin, 'GET', `/api/suppressions?q=${tag}&_sort=value`)
    assert.deepEqual(check('GET', '/api/suppressions', 200, list.body), [])
    assert.equal(list.headers.get('x-total-count'), '3')
    assert.deepEqual(
      list.body.map((e: any) => e.value),
      [`acme-${tag}.example.com`, `jo.smith@acme-${tag}.example.com`, `other-${tag}.example.com`]
    )
  })

  test('a pasted list: a result per value, one recorded change with the counts', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const existing = await suppress(actors.tokens.admin, `old-${tag}.example.com`)
    const before = await footprint()
    const answer = await call(actors.tokens.admin, 'POST', '/api/suppressions/bulk', {
      values: [
        `new-${tag}.example.com`,
        `https://www.OLD-${tag}.example.com/`,
        'not a domain',
        `Ann@New-${tag}.example.com`,
        `NEW-${tag}.example.com`,
      ],
      reason: 'Unsubscribed in March',
    })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(check('POST', '/api/suppressions/bulk', 200, answer.body), [])
    const { results, totals } = answer.body
    assert.deepEqual(
      results.map((r: any) => [r.index, r.status, r.value ?? null]),
      [
        [0, 'created', `new-${tag}.example.com`],
        [1, 'existing', `old-${tag}.example.com`],
        [2, 'refused', null],
        [3, 'created', `ann@new-${tag}.example.com`],
        [4, 'existing', `new-${tag}.example.com`],
      ]
    )
    assert.equal(results[1].id, existing.body.id)
    assert.equal(results[4].id, results[0].id)
    assert.equal(results[2].errors[0].field, 'value')
    assert.deepEqual(totals, { received: 5, created: 2, existing: 2, refused: 1 })
    assert.deepEqual(await footprint(), {
      leads: before.leads,
      events: before.events + 1,
      audit: before.audit + 1,
    })
    const event = await db.from('task_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(event.event_type, 'suppression.bulk_created')
    assert.containSubset(event.payload, {
      created: 2,
      existing: 2,
      refused: 1,
      emails: 1,
      domains: 1,
    })
    assert.notInclude(JSON.stringify(event.payload), 'ann@')
    const audit = await db.from('audit_log').orderBy('id', 'desc').firstOrFail()
    assert.sameMembers(audit.after_state.values, [
      `new-${tag}.example.com`,
      `ann@new-${tag}.example.com`,
    ])
    const row = await db.from('suppressions').where('value', `new-${tag}.example.com`).firstOrFail()
    assert.equal(row.reason, 'Unsubscribed in March')

    // nothing new: nothing recorded
    const nothing = await call(actors.tokens.admin, 'POST', '/api/suppressions/bulk', {
      values: [`new-${tag}.example.com`],
    })
    assert.deepInclude(nothing.body, { batch_id: null })
    assert.equal((await footprint()).events, before.events + 1)
  })
})

test.group('Suppression: leads it covers', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
    check = responseChecker(await openApiDocument())
    return removeEntries
  })

  test('a create is refused with 409 E_SUPPRESSED naming the entry, and writes nothing', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const email = await suppress(actors.tokens.admin, `owner@mail-${tag}.example.com`)
    const domain = await suppress(actors.tokens.admin, `blocked-${tag}.example.com`)
    const before = await footprint()
    const cases = [
      // the address itself, written another way
      [{ email: `  OWNER@mail-${tag}.example.com` }, email.body, 'email'],
      // an address at the domain
      [{ email: `someone@blocked-${tag}.example.com` }, domain.body, 'email'],
      // a website on that host
      [
        { website: `http://www.blocked-${tag}.example.com/about`, email: null },
        domain.body,
        'website',
      ],
    ] as const
    for (const [fields, entry, field] of cases) {
      const answer = await call(actors.tokens.agent, 'POST', '/api/leads', newLeadBody(fields))
      assert.equal(answer.status, 409, JSON.stringify(fields))
      assert.deepInclude(answer.body.errors[0], {
        code: 'E_SUPPRESSED',
        field,
        entry: { id: entry.id, kind: entry.kind, value: entry.value },
      })
      assert.include(answer.body.errors[0].message, entry.value)
    }
    assert.deepEqual(await footprint(), before)
    // a name that only ends the same way is another domain: not covered
    const sibling = await call(
      actors.tokens.agent,
      'POST',
      '/api/leads',
      newLeadBody({ website: `https://shop.notblocked-${tag}.example.com`, email: null })
    )
    assert.equal(sibling.status, 201)
    assert.deepInclude(sibling.body, { suppressed: false, suppression: null })
  })

  test('a domain covers its subdomains, and either spelling of an international name', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const region = `Subdomains ${tag}`
    const make = (fields: Record<string, unknown>) =>
      call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody({ region, ...fields }))
    // leads that exist before their entries: found from the entries (the list's filter, the export)
    const subMail = (await make({ email: `jo@eu.acme-${tag}.example.com` })).body
    const subSite = (
      await make({ website: `https://shop.eu.acme-${tag}.example.com`, email: null })
    ).body
    const sibling = (await make({ website: `https://notacme-${tag}.example.com`, email: null }))
      .body
    const asciiSite = (
      await make({ website: `http://${domainToASCII(`café-${tag}.example`)}/menu`, email: null })
    ).body
    // kept as written: the leads are matched in either spelling, never rewritten
    assert.equal(asciiSite.website, `http://${domainToASCII(`café-${tag}.example`)}/menu`)

    const acme = await suppress(actors.tokens.admin, `acme-${tag}.example.com`)
    assert.equal(acme.status, 201)
    const cafe = await suppress(actors.tokens.admin, `CAFÉ-${tag}.example`)
    assert.equal(cafe.status, 201)
    assert.equal(cafe.body.value, `café-${tag}.example`)
    // the other spelling of the same domain is the same entry
    const again = await suppress(actors.tokens.admin, domainToASCII(`café-${tag}.example`))
    assert.equal(again.status, 409)
    assert.equal(again.body.errors[0].existing_id, cafe.body.id)
    const listedAgain = await call(actors.tokens.admin, 'POST', '/api/suppressions/bulk', {
      values: [`https://www.${domainToASCII(`café-${tag}.example`)}/x`],
    })
    assert.deepInclude(listedAgain.body.results[0], { status: 'existing', id: cafe.body.id })

    const flagged = await listed(
      actors.tokens.viewer,
      `region=${encodeURIComponent(region)}&suppressed=true`
    )
    assert.sameMembers(
      flagged.rows.map((r) => r.id),
      [subMail.id, subSite.id, asciiSite.id]
    )
    const byId = (id: string) => flagged.rows.find((r) => r.id === id)
    assert.deepEqual(byId(subMail.id).suppression, {
      id: acme.body.id,
      kind: 'domain',
      value: acme.body.value,
    })
    assert.equal(byId(asciiSite.id).suppression.id, cafe.body.id)
    const exported = await exportCsv(actors.tokens.closer, `region=${encodeURIComponent(region)}`)
    assert.deepEqual(
      exported.map((row) => row.id),
      [sibling.id]
    )

    // new leads are refused the same way, one by one and in bulk
    const before = await footprint()
    for (const fields of [
      { email: `a@deep.eu.acme-${tag}.example.com` },
      { website: `eu.acme-${tag}.example.com`, email: null },
      { email: `chef@${domainToASCII(`café-${tag}.example`)}` },
      { website: `https://Www.CAFÉ-${tag}.example`, email: null },
    ]) {
      const answer = await call(actors.tokens.agent, 'POST', '/api/leads', newLeadBody(fields))
      assert.equal(answer.status, 409, JSON.stringify(fields))
      assert.equal(answer.body.errors[0].code, 'E_SUPPRESSED')
    }
    const bulk = await call(actors.tokens.agent, 'POST', '/api/leads/bulk', {
      leads: [newLeadBody({ email: `x@mail.acme-${tag}.example.com` })],
    })
    assert.deepInclude(bulk.body.results[0], {
      status: 'refused',
      code: 'E_SUPPRESSED',
      entry: { id: acme.body.id, kind: 'domain', value: acme.body.value },
    })
    assert.deepEqual(await footprint(), before)
  })

  test('letters beyond ASCII match in any case (the database may lower-case ASCII only)', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const entry = await suppress(actors.tokens.admin, `JÖRG@Zürich-${tag}.example`)
    assert.equal(entry.status, 201, JSON.stringify(entry.body))
    assert.equal(entry.body.value, `jörg@zürich-${tag}.example`)
    const host = await suppress(actors.tokens.admin, `münchen-${tag}.example`)
    assert.equal(host.status, 201)
    const cases = [
      { email: `jörg@ZÜRICH-${tag}.example` },
      { website: `https://MÜNCHEN-${tag}.example/praxis`, email: null },
    ]
    for (const fields of cases) {
      const answer = await call(actors.tokens.agent, 'POST', '/api/leads', newLeadBody(fields))
      assert.equal(answer.status, 409, JSON.stringify(fields))
      assert.equal(answer.body.errors[0].code, 'E_SUPPRESSED')
    }
  })

  test('a bulk row is refused with the entry; the other rows are created', async ({ assert }) => {
    const tag = randomUUID().slice(0, 8)
    const entry = await suppress(actors.tokens.admin, `nope-${tag}.example.com`)
    const answer = await call(actors.tokens.agent, 'POST', '/api/leads/bulk', {
      leads: [newLeadBody(), newLeadBody({ email: `info@nope-${tag}.example.com` }), newLeadBody()],
    })
    assert.equal(answer.status, 200)
    assert.deepEqual(check('POST', '/api/leads/bulk', 200, answer.body), [])
    assert.deepEqual(
      answer.body.results.map((r: any) => r.status),
      ['created', 'refused', 'created']
    )
    assert.deepInclude(answer.body.results[1], {
      code: 'E_SUPPRESSED',
      field: 'email',
      entry: { id: entry.body.id, kind: 'domain', value: `nope-${tag}.example.com` },
    })
    assert.equal(answer.body.totals.suppressed, 1)
  })

  test('existing leads it covers are flagged in the list and the record, and filterable', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const region = `Suppressed ${tag}`
    const make = (fields: Record<string, unknown>) =>
      call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody({ region, ...fields }))
    const byEmail = (await make({ email: `boss@corp-${tag}.example.com` })).body
    const byHost = (await make({ website: `https://www.shop-${tag}.example.com/x`, email: null }))
      .body
    const clean = (await make({})).body

    const entry = (await suppress(actors.tokens.admin, `corp-${tag}.example.com`)).body
    const hostEntry = (await suppress(actors.tokens.admin, `shop-${tag}.example.com`)).body

    const all = await listed(actors.tokens.viewer, `region=${encodeURIComponent(region)}`)
    assert.deepEqual(check('GET', '/api/leads', 200, all.rows), [])
    const flag = (id: string) => all.rows.find((r) => r.id === id)
    assert.deepInclude(flag(byEmail.id), {
      suppressed: true,
      suppression: { id: entry.id, kind: 'domain', value: entry.value },
    })
    assert.deepInclude(flag(byHost.id), {
      suppressed: true,
      suppression: { id: hostEntry.id, kind: 'domain', value: hostEntry.value },
    })
    assert.deepInclude(flag(clean.id), { suppressed: false, suppression: null })

    // the record says the same as its list row
    const one = await call(actors.tokens.closer, 'GET', `/api/leads/${byEmail.id}`)
    assert.deepEqual(one.body, flag(byEmail.id))
    assert.deepEqual(check('GET', '/api/leads/{id}', 200, one.body), [])

    const only = await listed(
      actors.tokens.viewer,
      `region=${encodeURIComponent(region)}&suppressed=true`
    )
    assert.sameMembers(
      only.rows.map((r) => r.id),
      [byEmail.id, byHost.id]
    )
    assert.equal(only.total, 2)
    const others = await listed(
      actors.tokens.viewer,
      `region=${encodeURIComponent(region)}&suppressed=false`
    )
    assert.deepEqual(
      others.rows.map((r) => r.id),
      [clean.id]
    )
    assert.equal(others.total, 1)
    const bad = await call(actors.tokens.viewer, 'GET', '/api/leads?suppressed=maybe')
    assert.equal(bad.status, 422)

    // removing the entry lifts the flag at once
    await call(actors.tokens.admin, 'DELETE', `/api/suppressions/${entry.id}`)
    const after = await listed(
      actors.tokens.viewer,
      `region=${encodeURIComponent(region)}&suppressed=true`
    )
    assert.deepEqual(
      after.rows.map((r) => r.id),
      [byHost.id]
    )
    const patched = await call(actors.tokens.admin, 'PATCH', `/api/leads/${byHost.id}`, {
      next_step: 'Do not call',
    })
    assert.deepInclude(patched.body, { suppressed: true, next_step: 'Do not call' })
    assert.deepEqual(check('PATCH', '/api/leads/{id}', 200, patched.body), [])
  })

  test('the CSV export leaves them out unless asked to include them', async ({ assert }) => {
    const tag = randomUUID().slice(0, 8)
    const region = `Export ${tag}`
    const make = (fields: Record<string, unknown>) =>
      call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody({ region, ...fields }))
    const kept = (await make({})).body
    const gone = (await make({ email: `ceo@gone-${tag}.example.com` })).body
    await suppress(actors.tokens.admin, `ceo@gone-${tag}.example.com`)
    const filter = `region=${encodeURIComponent(region)}`

    const ids = (rows: Record<string, string>[]) => rows.map((row) => row.id)
    assert.deepEqual(ids(await exportCsv(actors.tokens.closer, filter)), [kept.id])
    assert.sameMembers(
      ids(await exportCsv(actors.tokens.closer, `${filter}&include_suppressed=true`)),
      [kept.id, gone.id]
    )
    assert.deepEqual(
      ids(await exportCsv(actors.tokens.closer, `${filter}&include_suppressed=false`)),
      [kept.id]
    )
    // asking for the suppressed ones is asking to include them
    assert.deepEqual(ids(await exportCsv(actors.tokens.closer, `${filter}&suppressed=true`)), [
      gone.id,
    ])
    const row = (await exportCsv(actors.tokens.closer, `${filter}&suppressed=true`))[0]
    assert.equal(row.email, `ceo@gone-${tag}.example.com`)
    const bad = await call(
      actors.tokens.closer,
      'GET',
      `/api/leads/export.csv?include_suppressed=yes`
    )
    assert.equal(bad.status, 422)
  })
})

test.group('Suppression: drafts for a suppressed lead', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    return async () => {
      await removeEntries()
      await db.from('approval_policies').delete()
    }
  })

  async function leadAndDraft(token: string | null, tag: string) {
    const lead = await call(
      actors.tokens.admin,
      'POST',
      '/api/leads',
      newLeadBody({ email: `dr@clinic-${tag}.example.com` })
    )
    const draft = await call(token, 'POST', '/api/drafts', {
      lead_id: lead.body.id,
      channel: 'email',
      draft_type: 'cold_email',
      content: 'Hi Dr. Smith, I noticed your new clinic...',
    })
    if (draft.status !== 201) throw new Error(JSON.stringify(draft.body))
    return { lead: lead.body, draft: draft.body }
  }

  const decide = (draft: { id: string; current_version: number }, action: string, notes?: string) =>
    call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action,
      version: draft.current_version,
      ...(notes ? { notes } : {}),
    })

  test('approving is refused with 409 E_SUPPRESSED; asking for changes and rejecting still work', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const { draft } = await leadAndDraft(actors.tokens.agent, tag)
    const entry = (await suppress(actors.tokens.admin, `clinic-${tag}.example.com`)).body
    const submitted = await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)
    assert.equal(submitted.body.status, 'needs_approval')

    const before = await footprint()
    for (const [action, notes] of [['approve'], ['approve_with_notes', 'Fine']] as const) {
      const refused = await decide(draft, action, notes)
      assert.equal(refused.status, 409, action)
      assert.deepInclude(refused.body.errors[0], {
        code: 'E_SUPPRESSED',
        entry: { id: entry.id, kind: 'domain', value: entry.value },
      })
    }
    const inline = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'edit_inline_approve',
      version: draft.current_version,
      content: 'Edited',
    })
    assert.equal(inline.status, 409)
    assert.deepEqual(await footprint(), before)
    const still = await call(actors.tokens.viewer, 'GET', `/api/drafts/${draft.id}`)
    assert.equal(still.body.status, 'needs_approval')

    const changes = await decide(draft, 'request_changes', 'This clinic asked not to be contacted')
    assert.equal(changes.status, 200)
    assert.equal(changes.body.status, 'draft')
    await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)
    const rejected = await decide(draft, 'reject')
    assert.equal(rejected.status, 200)
    assert.equal(rejected.body.status, 'rejected')

    // once the entry is gone, a draft for that lead can be approved again
    await call(actors.tokens.admin, 'DELETE', `/api/suppressions/${entry.id}`)
    const next = await leadAndDraft(actors.tokens.agent, randomUUID().slice(0, 8))
    await call(actors.tokens.agent, 'POST', `/api/drafts/${next.draft.id}/submit`)
    const approved = await decide(next.draft, 'approve')
    assert.equal(approved.status, 200)
  })

  test('an auto-approving policy does not approve it: it waits for a person', async ({
    assert,
  }) => {
    const policy = await call(
      actors.tokens.admin,
      'PUT',
      '/api/approval-policies/copywriter/email',
      {
        mode: 'auto_approve',
        min_decided: 2,
        min_clean_rate: 0.5,
        no_rejection_in_last: 2,
      }
    )
    assert.equal(policy.status, 201, JSON.stringify(policy.body))
    const { agent, token } = await agentOfType('copywriter')
    // a record that qualifies: two drafts approved untouched
    for (let i = 0; i < 2; i++) {
      const { draft } = await leadAndDraft(token, randomUUID().slice(0, 8))
      await call(token, 'POST', `/api/drafts/${draft.id}/submit`)
      const approved = await decide(draft, 'approve')
      assert.equal(approved.status, 200)
    }
    // the policy approves the next one at once...
    const earned = await leadAndDraft(token, randomUUID().slice(0, 8))
    const auto = await call(token, 'POST', `/api/drafts/${earned.draft.id}/submit`)
    assert.equal(auto.body.status, 'approved', JSON.stringify(auto.body))

    // ...but not one for a suppressed lead
    const tag = randomUUID().slice(0, 8)
    const { draft } = await leadAndDraft(token, tag)
    await suppress(actors.tokens.admin, `dr@clinic-${tag}.example.com`)
    const held = await call(token, 'POST', `/api/drafts/${draft.id}/submit`)
    assert.equal(held.status, 200)
    assert.equal(held.body.status, 'needs_approval')
    const event = await db
      .from('task_events')
      .where('event_type', 'draft.submitted_for_approval')
      .where('agent_id', agent.id)
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.containSubset(event.payload, { auto_approval: false, lead_suppressed: true })
    const approvals = await db.from('approvals').where('draft_id', draft.id)
    assert.lengthOf(approvals, 0)
  })
})
