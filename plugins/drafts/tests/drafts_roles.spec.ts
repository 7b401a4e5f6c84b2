import { test } from '@japa/runner'
import { ACTORS, call, makeActors, type ActorName, type Actors } from '#tests/helpers/actors'
import { makeDraft, submitted } from './helpers.js'

const expected = (allowed: ActorName[], ok: number) => (name: ActorName) =>
  allowed.includes(name) ? ok : name === 'anonymous' ? 401 : 403

test.group('Drafts: the role table for every route', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
  })

  test('read: drafts, versions, approvals for every role and agents', async ({ assert }) => {
    const draft = await submitted(actors)
    const decided = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'approve',
      version: 1,
    })
    const approvalId = decided.body.approval.id
    const rule = expected(['admin', 'operator', 'closer', 'viewer', 'agent'], 200)
    for (const name of ACTORS) {
      for (const path of [
        '/api/drafts',
        `/api/drafts/${draft.id}`,
        `/api/drafts/${draft.id}/versions`,
        '/api/approvals',
        `/api/approvals/${approvalId}`,
      ]) {
        assert.equal(
          (await call(actors.tokens[name], 'GET', path)).status,
          rule(name),
          `${name} ${path}`
        )
      }
    }
  })

  test('create, add versions, submit: admin, operator, agent', async ({ assert }) => {
    const rule = expected(['admin', 'operator', 'agent'], 0)
    for (const name of ACTORS) {
      const create = await call(actors.tokens[name], 'POST', '/api/drafts', {
        channel: 'linkedin',
        draft_type: 'intro',
        content: `by ${name}`,
      })
      const draftId = create.status === 201 ? create.body.id : (await makeDraft(actors)).id
      const version = await call(actors.tokens[name], 'POST', `/api/drafts/${draftId}/versions`, {
        content: 'v2',
        base_version: 1,
      })
      const submit = await call(actors.tokens[name], 'POST', `/api/drafts/${draftId}/submit`)
      const want = rule(name)
      assert.equal(create.status, want || 201, `create ${name}`)
      assert.equal(version.status, want || 201, `version ${name}`)
      assert.equal(submit.status, want || 200, `submit ${name}`)
    }
  })

  test('every decision: admin only', async ({ assert }) => {
    const rule = expected(['admin'], 200)
    const decisions = [
      { action: 'approve' },
      { action: 'approve_with_notes', notes: 'Nice hook' },
      { action: 'reject' },
      { action: 'request_changes', notes: 'Shorter please' },
      { action: 'edit_inline_approve', content: 'Edited text' },
    ]
    for (const name of ACTORS) {
      for (const decision of decisions) {
        const draft = await submitted(actors)
        const response = await call(
          actors.tokens[name],
          'POST',
          `/api/drafts/${draft.id}/decision`,
          {
            ...decision,
            version: 1,
          }
        )
        assert.equal(response.status, rule(name), `${name} ${decision.action}`)
      }
    }
  })
})
