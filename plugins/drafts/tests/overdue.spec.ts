import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { flagOverdueDrafts } from '../actions/flag_overdue_drafts.js'
import { submitted } from './helpers.js'

test.group('Drafts: approval deadlines', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
  })
  group.each.setup(() => {
    process.env.DRAFT_APPROVAL_SLA_MINUTES = '30'
    return () => {
      delete process.env.DRAFT_APPROVAL_SLA_MINUTES
    }
  })

  async function waitingFor(draftId: string, minutes: number) {
    await db
      .from('drafts')
      .where('id', draftId)
      .update({ submitted_at: new Date(Date.now() - minutes * 60_000) })
  }

  test('a draft waiting past the SLA is overdue, with its waiting time; a fresh one is not', async ({
    assert,
  }) => {
    const late = await submitted(actors)
    const fresh = await submitted(actors)
    await waitingFor(late.id, 45)
    const shown = await call(actors.tokens.viewer, 'GET', `/api/drafts/${late.id}`)
    assert.isTrue(shown.body.overdue)
    assert.closeTo(shown.body.waiting_seconds, 45 * 60, 5)
    assert.isFalse(
      (await call(actors.tokens.viewer, 'GET', `/api/drafts/${fresh.id}`)).body.overdue
    )

    const inbox = await call(
      actors.tokens.admin,
      'GET',
      '/api/drafts?status=needs_approval&overdue=true&_end=1000'
    )
    const ids = inbox.body.map((d: any) => d.id)
    assert.include(ids, late.id)
    assert.notInclude(ids, fresh.id)
  })

  test('draft.approval_overdue is emitted once per draft', async ({ assert }) => {
    const late = await submitted(actors)
    await waitingFor(late.id, 31)
    await flagOverdueDrafts()
    await flagOverdueDrafts()
    await Promise.all([flagOverdueDrafts(), flagOverdueDrafts()])
    const events = await db
      .from('task_events')
      .where({ event_type: 'draft.approval_overdue' })
      .whereRaw("payload->>'id' = ?", [late.id])
    assert.lengthOf(events, 1)
    assert.isAtLeast(events[0].payload.waiting_seconds, 31 * 60)
    const audit = await db
      .from('audit_log')
      .where({ action: 'draft.approval_overdue', resource_id: late.id })
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].actor_type, 'system')
  })

  test('a decided draft is no longer overdue, and a resubmitted one can be flagged again', async ({
    assert,
  }) => {
    const draft = await submitted(actors)
    await waitingFor(draft.id, 60)
    await flagOverdueDrafts()
    await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'request_changes',
      version: 1,
      notes: 'redo',
    })
    const shown = await call(actors.tokens.viewer, 'GET', `/api/drafts/${draft.id}`)
    assert.isFalse(shown.body.overdue)
    assert.isNull(shown.body.waiting_seconds)

    await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)
    await waitingFor(draft.id, 40)
    await flagOverdueDrafts()
    const events = await db
      .from('task_events')
      .where({ event_type: 'draft.approval_overdue' })
      .whereRaw("payload->>'id' = ?", [draft.id])
    assert.lengthOf(events, 2)
  })
})
