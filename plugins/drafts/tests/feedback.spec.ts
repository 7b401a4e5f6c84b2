import { test } from '@japa/runner'
import Agent from '#models/agent'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { submitted } from './helpers.js'
import { SseClient } from '#tests/helpers/sse_client'

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

async function tokenOf(agent: Agent) {
  return (await Agent.accessTokens.create(agent)).value!.release()
}

test.group('Drafts: feedback reaches the author, and no other agent', (group) => {
  let actors: Actors
  let otherAgent: string
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    otherAgent = await tokenOf(await makeAgent('copywriter'))
  })

  test('the author reads changes requested, then an inline edit as a diff of its own text', async ({
    assert,
  }) => {
    const draft = await submitted(actors, { content: 'Hi Dr. Smith,\nWe build websites.\nBest' })
    const requested = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'request_changes',
      version: 1,
      notes: 'Mention the free check-up',
    })
    assert.equal(requested.status, 200)

    const first = await call(actors.tokens.agent, 'GET', `/api/drafts/${draft.id}/feedback`)
    assert.equal(first.status, 200)
    assert.equal(first.body.status, 'draft')
    assert.lengthOf(first.body.decisions, 1)
    assert.deepInclude(first.body.decisions[0], {
      action: 'request_changes',
      version: 1,
      notes: 'Mention the free check-up',
      edit: null,
    })
    assert.equal(first.body.decisions[0].decided_by.name, actors.users.admin.email)

    await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/versions`, {
      content: 'Hi Dr. Smith,\nWe build websites, and the check-up is free.\nBest',
      base_version: 1,
    })
    await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)
    const edited = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'edit_inline_approve',
      version: 2,
      content: 'Hi Dr. Smith,\nYour check-up is free.\nBest',
    })
    assert.equal(edited.status, 200)

    const second = await call(actors.tokens.agent, 'GET', `/api/drafts/${draft.id}/feedback`)
    assert.equal(second.body.status, 'approved')
    assert.deepEqual(
      second.body.decisions.map((d: any) => d.action),
      ['edit_inline_approve', 'request_changes']
    )
    const { edit } = second.body.decisions[0]
    assert.deepInclude(edit, { from_version: 2, to_version: 3 })
    assert.include(edit.diff, '-We build websites, and the check-up is free.')
    assert.include(edit.diff, '+Your check-up is free.')
    assert.notInclude(edit.diff, '-Hi Dr. Smith')
  })

  test('another agent is refused the feedback, the approvals and the notes in the timeline', async ({
    assert,
  }) => {
    const draft = await submitted(actors)
    await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'reject',
      version: 1,
      notes: 'Private reason for the author',
    })

    const refused = await call(otherAgent, 'GET', `/api/drafts/${draft.id}/feedback`)
    assert.equal(refused.status, 403)
    assert.equal(refused.body.errors[0].code, 'E_FORBIDDEN')

    const listed = await call(otherAgent, 'GET', `/api/approvals?draft_id=${draft.id}`)
    assert.equal(listed.status, 200)
    assert.lengthOf(listed.body, 0)
    const own = await call(actors.tokens.agent, 'GET', `/api/approvals?draft_id=${draft.id}`)
    assert.lengthOf(own.body, 1)
    assert.equal(own.body[0].notes, 'Private reason for the author')
    const one = await call(otherAgent, 'GET', `/api/approvals/${own.body[0].id}`)
    assert.equal(one.status, 404)

    const timeline = await call(otherAgent, 'GET', `/api/replay/timeline?draft_id=${draft.id}`)
    assert.equal(timeline.status, 200)
    const decision = timeline.body.find((item: any) => item.kind === 'approval')
    assert.exists(decision)
    assert.isNull(decision.notes)
    assert.notInclude(JSON.stringify(timeline.body), 'Private reason')

    // the event every reader gets says a decision was made, not what the reviewer wrote
    const event = await db
      .from('task_events')
      .where('event_type', 'draft.rejected')
      .whereRaw(`payload->>'id' = ?`, [draft.id])
      .firstOrFail()
    assert.isTrue(event.payload.has_notes)
    assert.notInclude(JSON.stringify(event.payload), 'Private reason')
    const events = await call(otherAgent, 'GET', '/api/events?_end=50')
    assert.notInclude(JSON.stringify(events.body), 'Private reason')

    // people who may read drafts read it
    for (const token of [actors.tokens.admin, actors.tokens.viewer, actors.tokens.closer]) {
      const shown = await call(token, 'GET', `/api/drafts/${draft.id}/feedback`)
      assert.equal(shown.status, 200)
      assert.equal(shown.body.decisions[0].notes, 'Private reason for the author')
    }
    const missing = await call(
      actors.tokens.agent,
      'GET',
      '/api/drafts/00000000-0000-4000-8000-000000000000/feedback'
    )
    assert.equal(missing.status, 404)
  })

  test('each decision reaches the author on its private channel, and no other agent can listen', async ({
    assert,
  }) => {
    const author = new SseClient(BASE(), { token: actors.tokens.agent! })
    const stranger = new SseClient(BASE(), { token: otherAgent })
    try {
      const channel = `agents/${actors.agent.id}`
      assert.equal((await author.subscribe(channel)).status, 204)
      assert.equal((await stranger.subscribe(channel)).status, 403)
      const draft = await submitted(actors)
      const heard = author.waitFor(
        channel,
        (message) => message.type === 'feedback' && message.draft_id === draft.id,
        3000
      )
      await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
        action: 'approve_with_notes',
        version: 1,
        notes: 'Good; mention the free check-up next time',
      })
      const message = await heard
      assert.deepInclude(message, {
        type: 'feedback',
        action: 'approve_with_notes',
        status: 'approved',
        version: 1,
        notes: 'Good; mention the free check-up next time',
        edited: false,
      })
    } finally {
      author.close()
      stranger.close()
    }
  })
})
