import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { LeadStatus } from '../../leads/enums.js'
import { makeDraft, makeLead, submitted } from './helpers.js'

async function linkedTask(actors: Actors, draftId: string, column = 'doing') {
  const task = await call(actors.tokens.admin, 'POST', '/api/tasks', {
    title: 'Write the intro email',
    column,
    linked_draft_id: draftId,
  })
  return task.body.id as string
}

async function column(taskId: string) {
  return (await db.from('tasks').where('id', taskId).firstOrFail()).column as string
}

test.group('Drafts: versions', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
  })

  test('a draft starts at version 1 with its content; versions are listed in order', async ({
    assert,
  }) => {
    const draft = await makeDraft(actors, { content: 'first text', change_note: 'initial' })
    assert.deepInclude(draft, { status: 'draft', current_version: 1, content: 'first text' })
    const v2 = await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/versions`, {
      content: 'second text',
      change_note: 'tighter',
      base_version: 1,
    })
    assert.equal(v2.status, 201)
    assert.equal(v2.body.version_number, 2)
    const versions = await call(actors.tokens.viewer, 'GET', `/api/drafts/${draft.id}/versions`)
    assert.deepEqual(
      versions.body.map((v: any) => [v.version_number, v.content]),
      [
        [1, 'first text'],
        [2, 'second text'],
      ]
    )
    const shown = await call(actors.tokens.viewer, 'GET', `/api/drafts/${draft.id}`)
    assert.deepInclude(shown.body, { current_version: 2, content: 'second text' })
  })

  test('a stale base_version answers 409 and writes nothing', async ({ assert }) => {
    const draft = await makeDraft(actors)
    await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/versions`, {
      content: 'v2',
      base_version: 1,
    })
    const stale = await call(actors.tokens.operator, 'POST', `/api/drafts/${draft.id}/versions`, {
      content: 'my edit of v1',
      base_version: 1,
    })
    assert.equal(stale.status, 409)
    assert.equal(stale.body.errors[0].code, 'E_STALE_VERSION')
    const count = await db.from('draft_versions').where('draft_id', draft.id).count('* as n')
    assert.equal(Number(count[0].n), 2)
  })

  test('submit moves the draft and its linked card to needs_approval; only from draft', async ({
    assert,
  }) => {
    const draft = await makeDraft(actors)
    const taskId = await linkedTask(actors, draft.id)
    const response = await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)
    assert.equal(response.status, 200)
    assert.equal(response.body.status, 'needs_approval')
    assert.equal(response.body.waiting_seconds, 0)
    assert.isFalse(response.body.overdue)
    assert.equal(await column(taskId), 'needs_approval')
    const event = await db
      .from('task_events')
      .where({ event_type: 'draft.submitted_for_approval' })
      .orderBy('id', 'desc')
      .first()
    assert.equal(event.task_id, taskId)

    const again = await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)
    assert.equal(again.status, 409)
  })
})

test.group('Drafts: decisions', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
  })

  test('approve: the draft is approved and immutable, its card done, its lead approved', async ({
    assert,
  }) => {
    const lead = await makeLead()
    const draft = await makeDraft(actors, { lead_id: lead.id })
    assert.equal(
      (await db.from('leads').where('id', lead.id).firstOrFail()).status,
      LeadStatus.Drafted
    )
    const taskId = await linkedTask(actors, draft.id)
    await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)

    const decided = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'approve',
      version: 1,
    })
    assert.equal(decided.status, 200)
    assert.deepInclude(decided.body, { status: 'approved', approver_id: actors.users.admin.id })
    assert.equal(await column(taskId), 'done')
    assert.isNotNull((await db.from('tasks').where('id', taskId).firstOrFail()).done_at)
    const storedLead = await db.from('leads').where('id', lead.id).firstOrFail()
    assert.equal(storedLead.status, LeadStatus.Approved)
    assert.isNotNull(storedLead.last_action_at)

    const approvals = await db.from('approvals').where('draft_id', draft.id)
    assert.lengthOf(approvals, 1)
    assert.equal(approvals[0].action, 'approve')

    const edit = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/versions`, {
      content: 'x',
      base_version: 1,
    })
    assert.equal(edit.status, 409)
    assert.equal(edit.body.errors[0].code, 'E_DRAFT_APPROVED')
  })

  test('approve_with_notes and request_changes need notes; request_changes sends the card back to doing', async ({
    assert,
  }) => {
    const draft = await submitted(actors)
    const taskId = await linkedTask(actors, draft.id, 'doing')
    await db.from('tasks').where('id', taskId).update({ column: 'needs_approval' })
    for (const action of ['approve_with_notes', 'request_changes']) {
      const missing = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
        action,
        version: 1,
      })
      assert.equal(missing.status, 422, action)
      assert.equal(missing.body.errors[0].field, 'notes')
    }
    const back = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'request_changes',
      version: 1,
      notes: 'Mention their new location',
    })
    assert.equal(back.status, 200)
    assert.equal(back.body.status, 'draft')
    assert.equal(await column(taskId), 'doing')
    const approval = await db.from('approvals').where('draft_id', draft.id).firstOrFail()
    assert.equal(approval.notes, 'Mention their new location')
  })

  test('reject closes the draft and finishes its card (Needs approval empties), without moving the lead forward', async ({
    assert,
  }) => {
    const lead = await makeLead(LeadStatus.Enriched)
    const draft = await submitted(actors, { lead_id: lead.id })
    const taskId = await linkedTask(actors, draft.id, 'doing')
    await db.from('tasks').where('id', taskId).update({ column: 'needs_approval' })
    const response = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'reject',
      version: 1,
    })
    assert.equal(response.body.status, 'rejected')
    assert.equal(await column(taskId), 'done')
    // the move is recorded with the decision: its event and its audit row name the cause
    const moved = await db
      .from('task_events')
      .where({ task_id: taskId, event_type: 'task.moved' })
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.equal(moved.payload.to, 'done')
    const audit = await db
      .from('audit_log')
      .where({ resource_id: taskId, action: 'task.moved' })
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.equal(audit.after_state.column, 'done')
    assert.equal(
      (await db.from('leads').where('id', lead.id).firstOrFail()).status,
      LeadStatus.Drafted
    )
  })

  test('edit_inline_approve keeps the agent text and the admin edit as two versions', async ({
    assert,
  }) => {
    const draft = await submitted(actors, { content: 'Agent wrote this.' })
    const missing = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'edit_inline_approve',
      version: 1,
    })
    assert.equal(missing.status, 422)
    const response = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'edit_inline_approve',
      version: 1,
      content: 'Admin made it better.',
    })
    assert.equal(response.status, 200)
    assert.deepInclude(response.body, {
      status: 'approved',
      current_version: 2,
      content: 'Admin made it better.',
    })
    const versions = await db
      .from('draft_versions')
      .where('draft_id', draft.id)
      .orderBy('version_number')
    assert.deepEqual(
      versions.map((v) => [v.version_number, v.content, v.created_by]),
      [
        [1, 'Agent wrote this.', actors.agent.id],
        [2, 'Admin made it better.', actors.users.admin.id],
      ]
    )
    const approval = await db.from('approvals').where('draft_id', draft.id).firstOrFail()
    assert.equal(approval.editor_content, 'Admin made it better.')
  })

  test('a decision on a version that is no longer current answers 409', async ({ assert }) => {
    const draft = await submitted(actors)
    await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/versions`, {
      content: 'late fix',
      base_version: 1,
    })
    const response = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'approve',
      version: 1,
    })
    assert.equal(response.status, 409)
    assert.equal(response.body.errors[0].code, 'E_STALE_VERSION')
  })

  test('only a draft waiting for approval can be decided', async ({ assert }) => {
    const draft = await makeDraft(actors)
    const response = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'approve',
      version: 1,
    })
    assert.equal(response.status, 409)
  })

  test('two admins deciding at the same moment: exactly one wins, the other gets 409', async ({
    assert,
  }) => {
    const { makeUser } = await import('#tests/helpers/users')
    const { default: User } = await import('#models/user')
    const { Role } = await import('#enums/roles')
    const second = await makeUser(Role.Admin)
    const secondToken = (await User.accessTokens.create(second)).value!.release()
    for (let round = 0; round < 5; round++) {
      const draft = await submitted(actors)
      const [a, b] = await Promise.all([
        call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
          action: 'approve',
          version: 1,
        }),
        call(secondToken, 'POST', `/api/drafts/${draft.id}/decision`, {
          action: 'reject',
          version: 1,
        }),
      ])
      assert.sameMembers([a.status, b.status], [200, 409], `round ${round}`)
      const loser = a.status === 409 ? a : b
      assert.equal(loser.body.errors[0].code, 'E_ALREADY_DECIDED')
      assert.match(loser.body.errors[0].message, /someone else/)
      const approvals = await db.from('approvals').where('draft_id', draft.id)
      assert.lengthOf(approvals, 1)
    }
  })

  test('a lead never moves backwards: approving a draft of a booked lead leaves it booked', async ({
    assert,
  }) => {
    const lead = await makeLead(LeadStatus.Booked)
    const draft = await submitted(actors, { lead_id: lead.id })
    await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'approve',
      version: 1,
    })
    assert.equal(
      (await db.from('leads').where('id', lead.id).firstOrFail()).status,
      LeadStatus.Booked
    )
  })

  test('bad input: unknown lead, channel, action → 422; unknown draft → 404; nothing written', async ({
    assert,
  }) => {
    const draft = await submitted(actors)
    const before = await db.from('task_events').max('id as max')
    const unknownLead = await call(actors.tokens.agent, 'POST', '/api/drafts', {
      channel: 'email',
      draft_type: 'x',
      content: 'x',
      lead_id: '00000000-0000-4000-8000-000000000000',
    })
    assert.equal(unknownLead.status, 422)
    assert.equal(unknownLead.body.errors[0].field, 'lead_id')
    const badChannel = await call(actors.tokens.agent, 'POST', '/api/drafts', {
      channel: 'fax',
      draft_type: 'x',
      content: 'x',
    })
    assert.equal(badChannel.status, 422)
    const missing = '00000000-0000-4000-8000-000000000000'
    assert.equal(
      (
        await call(actors.tokens.admin, 'POST', `/api/drafts/${missing}/decision`, {
          action: 'approve',
          version: 1,
        })
      ).status,
      404
    )
    assert.equal(
      (await call(actors.tokens.admin, 'POST', `/api/drafts/${missing}/submit`)).status,
      404
    )
    assert.equal(
      (await call(actors.tokens.admin, 'GET', `/api/drafts/${missing}/versions`)).status,
      404
    )
    const badAction = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'send',
      version: 1,
    })
    assert.equal(badAction.status, 422)
    const after = await db.from('task_events').max('id as max')
    assert.equal(after[0].max, before[0].max)
  })
})
