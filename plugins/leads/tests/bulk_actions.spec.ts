import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { ACTORS, call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { agentOfType } from '#tests/helpers/agent_types'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import { SYSTEM } from '#services/change_recorder'
import { countersMatchLeads, footprint, newLeadBody } from './helpers.js'
import { seedLeads } from '../actions/seed_leads.js'
import { MAX_BULK_ACTION_ROWS } from '../actions/lead_bulk_actions.js'

const act = (token: string | null, body: unknown) =>
  call(token, 'POST', '/api/leads/bulk-actions', body)

/** `count` leads with a source of their own, so a filter finds exactly them. */
async function leadsTagged(actors: Actors, count: number) {
  const source = `bulk-${randomUUID().slice(0, 8)}`
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const created = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody({ source }))
    ids.push(created.body.id)
  }
  return { source, ids }
}

async function leadRows(ids: string[]) {
  return db.from('leads').whereIn('id', ids).orderBy('id')
}

test.group('Leads bulk actions: one recorded change per action', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
    check = responseChecker(await openApiDocument())
  })

  test('a closer sets the status of the ticked rows: one event, one audit row with the previous values', async ({
    assert,
  }) => {
    const { ids } = await leadsTagged(actors, 4)
    // one of them is already contacted: it is matched, not changed
    await call(actors.tokens.admin, 'PATCH', `/api/leads/${ids[0]}`, { status: 'contacted' })
    const before = await footprint()

    const answer = await act(actors.tokens.closer, {
      action: 'set_status',
      ids,
      status: 'contacted',
    })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(check('POST', '/api/leads/bulk-actions', 200, answer.body), [])
    assert.containSubset(answer.body, {
      action: 'set_status',
      matched: 4,
      changed: 3,
      unchanged: 1,
    })

    const rows = await leadRows(ids)
    assert.isTrue(rows.every((row) => row.status === 'contacted'))
    assert.isTrue(rows.every((row) => row.last_action_at !== null))
    assert.deepEqual(await footprint(), {
      ...before,
      events: before.events + 1,
      audit: before.audit + 1,
    })

    const event = await db
      .from('task_events')
      .where('event_type', 'lead.bulk_status_changed')
      .orderBy('id', 'desc')
      .first()
    assert.containSubset(event.payload, {
      id: answer.body.id,
      action: 'set_status',
      status: 'contacted',
      matched: 4,
      changed: 3,
      selection: { ids: 4 },
    })
    const audit = await db
      .from('audit_log')
      .where({ action: 'lead.bulk_status_changed', resource_id: answer.body.id })
      .firstOrFail()
    assert.equal(audit.actor_id, actors.users.closer.id)
    assert.sameMembers(audit.before_state.status.contacted, [ids[0]])
    assert.sameMembers(audit.before_state.status.new, ids.slice(1))
    assert.sameMembers(audit.after_state.ids, ids.slice(1))
    assert.isTrue(await countersMatchLeads())

    // each changed lead's replay timeline shows the change (the audit row to those who read the audit log)
    const timeline = async (token: string | null, id: string) =>
      (await call(token, 'GET', `/api/replay/timeline?lead_id=${id}`)).body
    const viewerSees = await timeline(actors.tokens.viewer, ids[2])
    assert.containSubset(viewerSees, [
      { kind: 'event', event_type: 'lead.bulk_status_changed', id: Number(event.id) },
    ])
    assert.notInclude(
      viewerSees.map((item: any) => item.kind),
      'audit'
    )
    assert.containSubset(await timeline(actors.tokens.admin, ids[2]), [
      { kind: 'audit', action: 'lead.bulk_status_changed', resource_id: answer.body.id },
    ])
    // the lead that was already contacted did not change: not in its timeline
    const unchanged = await timeline(actors.tokens.admin, ids[0])
    assert.notInclude(
      unchanged.map((item: any) => item.event_type ?? item.action),
      'lead.bulk_status_changed'
    )
  })

  test('"all N matching the filter": the next step for every lead the list filter finds, guarded by the count shown', async ({
    assert,
  }) => {
    const { source, ids } = await leadsTagged(actors, 5)
    const other = await leadsTagged(actors, 1)
    const filter = { source, status: 'new' }
    const listed = await call(
      actors.tokens.operator,
      'GET',
      `/api/leads?source=${source}&status=new`
    )
    assert.equal(listed.headers.get('x-total-count'), '5')

    // a lead arrives after the count was shown: nothing is changed
    const late = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody({ source }))
    const before = await footprint()
    const stale = await act(actors.tokens.operator, {
      action: 'set_next_step',
      filter,
      expected_count: 5,
      next_step: 'Call on Monday',
    })
    assert.equal(stale.status, 409)
    assert.equal(stale.body.errors[0].code, 'E_SELECTION_CHANGED')
    assert.equal(stale.body.errors[0].matched, 6)
    assert.deepEqual(await footprint(), before)
    assert.isTrue((await leadRows(ids)).every((row) => row.next_step === null))

    const done = await act(actors.tokens.operator, {
      action: 'set_next_step',
      filter,
      expected_count: 6,
      next_step: 'Call on Monday',
    })
    assert.equal(done.status, 200, JSON.stringify(done.body))
    assert.containSubset(done.body, { matched: 6, changed: 6 })
    const rows = await leadRows([...ids, late.body.id])
    assert.isTrue(rows.every((row) => row.next_step === 'Call on Monday'))
    assert.isNull(
      (await leadRows(other.ids))[0].next_step,
      'a lead outside the filter is untouched'
    )

    // null clears it; search (`q`) and operators work as in the list
    const cleared = await act(actors.tokens.operator, {
      action: 'set_next_step',
      filter: { source, q: 'bright smile', business_name_like: 'Dental' },
      next_step: null,
    })
    assert.equal(cleared.status, 200)
    assert.equal(cleared.body.changed, 6)
    assert.isTrue((await leadRows(ids)).every((row) => row.next_step === null))
  })

  test('an admin deletes all matching: linked tasks lose the link with their own events; counters stay true', async ({
    assert,
  }) => {
    const { source, ids } = await leadsTagged(actors, 3)
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: `Call ${source}`,
      linked_lead_id: ids[0],
    })
    assert.equal(task.status, 201, JSON.stringify(task.body))
    const before = await footprint()

    for (const name of ['operator', 'closer'] as const) {
      const refused = await act(actors.tokens[name], { action: 'delete', filter: { source } })
      assert.equal(refused.status, 403, name)
    }
    assert.deepEqual(await footprint(), before)

    const answer = await act(actors.tokens.admin, {
      action: 'delete',
      filter: { source },
      expected_count: 3,
    })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.containSubset(answer.body, { action: 'delete', matched: 3, changed: 3 })
    assert.lengthOf(await leadRows(ids), 0)
    // one lead.bulk_deleted, and the task's own task.updated
    assert.deepEqual(await footprint(), {
      leads: before.leads - 3,
      events: before.events + 2,
      audit: before.audit + 2,
    })
    const unlinked = await db.from('tasks').where('id', task.body.id).firstOrFail()
    assert.isNull(unlinked.linked_lead_id)
    const audit = await db
      .from('audit_log')
      .where({ action: 'lead.bulk_deleted', resource_id: answer.body.id })
      .firstOrFail()
    assert.sameMembers(
      audit.before_state.leads.map((lead: { id: string }) => lead.id),
      ids
    )
    assert.isTrue(await countersMatchLeads())
  })

  test('roles: viewers, anonymous and agents without lead writing are refused; a paused agent gets 423; nothing is written', async ({
    assert,
    cleanup,
  }) => {
    const { ids } = await leadsTagged(actors, 1)
    const allowed: ActorName[] = ['admin', 'operator', 'closer', 'agent']
    for (const name of ACTORS) {
      const before = await footprint()
      const answer = await act(actors.tokens[name], {
        action: 'set_status',
        ids,
        status: name === 'agent' ? 'enriched' : 'lost',
      })
      const expected = allowed.includes(name) ? 200 : name === 'anonymous' ? 401 : 403
      assert.equal(answer.status, expected, name)
      if (expected !== 200) assert.deepEqual(await footprint(), before, name)
    }

    // a copywriter writes drafts, not leads
    const copywriter = await agentOfType('copywriter')
    let before = await footprint()
    const refused = await act(copywriter.token, { action: 'set_status', ids, status: 'lost' })
    assert.equal(refused.status, 403)

    await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/pause`)
    cleanup(async () => {
      await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/resume`)
    })
    assert.deepEqual(await footprint(), {
      ...before,
      events: before.events + 1,
      audit: before.audit + 1,
    })
    before = await footprint()
    const paused = await act(actors.tokens.agent, { action: 'set_status', ids, status: 'new' })
    assert.equal(paused.status, 423)
    assert.equal(paused.body.errors[0].code, 'E_AGENT_PAUSED')
    const agentDelete = await act(copywriter.token, { action: 'delete', ids })
    assert.equal(agentDelete.status, 403)
    assert.deepEqual(await footprint(), before)
    assert.equal((await leadRows(ids))[0].status, 'enriched', 'as the agent left it')
  })

  test('bad requests answer 4xx in the error shape and write nothing', async ({ assert }) => {
    const { source, ids } = await leadsTagged(actors, 1)
    const before = await footprint()
    const cases: [unknown, number, string][] = [
      [{ action: 'set_status', status: 'lost' }, 422, 'ids'],
      [{ action: 'set_status', ids, filter: { source }, status: 'lost' }, 422, 'filter'],
      [{ action: 'set_status', ids }, 422, 'status'],
      [{ action: 'set_status', ids, status: 'sent' }, 422, 'status'],
      [{ action: 'set_next_step', ids }, 422, 'next_step'],
      [{ action: 'set_next_step', ids, next_step: 'x'.repeat(501) }, 422, 'next_step'],
      [{ action: 'archive', ids }, 422, 'action'],
      [{ action: 'delete', ids: ['not-a-uuid'] }, 422, 'ids.0'],
      [{ action: 'delete', ids: [] }, 422, 'ids'],
      [{ action: 'delete', ids: [ids[0], ids[0]] }, 422, 'ids'],
      [
        { action: 'delete', filter: { source: { $gt: '' } }, expected_count: 1 },
        422,
        'filter.source',
      ],
      [
        { action: 'delete', filter: { no_such_field: 'x' }, expected_count: 1 },
        422,
        'no_such_field',
      ],
      [
        { action: 'delete', filter: { created_at_gte: 'yesterday' }, expected_count: 1 },
        422,
        'created_at_gte',
      ],
      [{ action: 'delete', filter: { source }, expected_count: -1 }, 422, 'expected_count'],
      // deleting whatever a filter matches when it runs: only with the count confirmed
      [{ action: 'delete', filter: { source } }, 422, 'expected_count'],
    ]
    for (const [body, status, field] of cases) {
      const answer = await act(actors.tokens.admin, body)
      assert.equal(answer.status, status, JSON.stringify(body))
      assert.isString(answer.body.errors[0].message)
      assert.equal(answer.body.errors[0].field, field, JSON.stringify(answer.body))
    }
    assert.deepEqual(await footprint(), before)
  })

  test(`a selection over ${MAX_BULK_ACTION_ROWS} leads is refused whole`, async ({
    assert,
    cleanup,
  }) => {
    const source = `wide-${randomUUID().slice(0, 8)}`
    await seedLeads(SYSTEM, { count: MAX_BULK_ACTION_ROWS + 1, seed: 7, source })
    cleanup(async () => {
      await db.from('leads').where('source', source).delete()
    })
    const before = await footprint()
    const answer = await act(actors.tokens.admin, {
      action: 'delete',
      filter: { source },
      expected_count: MAX_BULK_ACTION_ROWS + 1,
    })
    assert.equal(answer.status, 422)
    assert.equal(answer.body.errors[0].code, 'E_SELECTION_TOO_LARGE')
    assert.deepEqual(await footprint(), before)
  }).timeout(120_000)

  test('the ticked rows export as CSV; suppressed ones only when asked; viewers cannot', async ({
    assert,
  }) => {
    const { ids } = await leadsTagged(actors, 3)
    const [suppressedLead] = await leadRows([ids[2]])
    const entry = await call(actors.tokens.admin, 'POST', '/api/suppressions', {
      kind: 'email',
      value: suppressedLead.email,
    })
    assert.equal(entry.status, 201, JSON.stringify(entry.body))

    const exported = async (token: string | null, body: unknown) => {
      const response = await fetch(
        `http://${process.env.HOST}:${process.env.PORT}/api/leads/export.csv`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        }
      )
      return { status: response.status, text: await response.text() }
    }
    const file = await exported(actors.tokens.closer, { ids })
    assert.equal(file.status, 200)
    const rows = parse(file.text, { columns: true }) as { id: string }[]
    assert.sameMembers(
      rows.map((row) => row.id),
      ids.slice(0, 2)
    )
    const all = await exported(actors.tokens.closer, { ids, include_suppressed: true })
    assert.sameMembers(
      (parse(all.text, { columns: true }) as { id: string }[]).map((row) => row.id),
      ids
    )
    assert.equal((await exported(actors.tokens.viewer, { ids })).status, 403)
    assert.equal((await exported(null, { ids })).status, 401)
    const bad = await exported(actors.tokens.closer, { ids: ['x'] })
    assert.equal(bad.status, 422)
    assert.equal(JSON.parse(bad.text).errors[0].field, 'ids.0')
  })
})
