import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { agentOfType } from '#tests/helpers/agent_types'
import { makeUser } from '#tests/helpers/users'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import User from '#models/user'
import { Role } from '#enums/roles'
import { LeadStatus } from '../../leads/enums.js'
import drafts from '../plugin.js'
import { editShare } from '../services/autonomy.js'
import { makeLead } from './helpers.js'

/* A policy quick to earn: three decisions, two thirds clean, no rejection in the last three. */
const QUICK = { mode: 'auto_approve', min_decided: 3, min_clean_rate: 0.6, no_rejection_in_last: 3 }

interface Writer {
  id: string
  token: string
}

/** A copywriter with no record yet (each test its own: records do not leak). */
async function writer(type = 'copywriter'): Promise<Writer> {
  const { agent, token } = await agentOfType(type)
  return { id: agent.id, token }
}

async function write(who: Writer, body: Record<string, unknown> = {}) {
  const created = await call(who.token, 'POST', '/api/drafts', {
    channel: 'email',
    draft_type: 'cold_email',
    content: 'Hi Dr. Smith, I noticed your new clinic...',
    ...body,
  })
  if (created.status !== 201) throw new Error(`not created: ${JSON.stringify(created.body)}`)
  return created.body as { id: string; current_version: number }
}

/** Writes and submits a draft; the answer is the draft after submission (waiting, or approved by policy). */
async function submit(who: Writer, body: Record<string, unknown> = {}) {
  const draft = await write(who, body)
  const submitted = await call(who.token, 'POST', `/api/drafts/${draft.id}/submit`)
  if (submitted.status !== 200) throw new Error(`not submitted: ${JSON.stringify(submitted.body)}`)
  return submitted.body
}

async function decide(
  token: string | null,
  draft: { id: string; current_version: number },
  action: string,
  extra: Record<string, unknown> = {}
) {
  return call(token, 'POST', `/api/drafts/${draft.id}/decision`, {
    action,
    version: draft.current_version,
    ...extra,
  })
}

/** `n` drafts of the kind, each approved untouched by an admin. */
async function earn(actors: Actors, who: Writer, n: number, channel = 'email') {
  for (let i = 0; i < n; i++) {
    const draft = await submit(who, { channel })
    if (draft.status !== 'needs_approval') throw new Error(`expected to wait, got ${draft.status}`)
    const decided = await decide(actors.tokens.admin, draft, 'approve')
    if (decided.status !== 200) throw new Error(JSON.stringify(decided.body))
  }
}

function setPolicy(
  token: string | null,
  agentType: string,
  channel: string,
  body: Record<string, unknown>
) {
  return call(token, 'PUT', `/api/approval-policies/${agentType}/${channel}`, body)
}

const autonomy = (token: string | null, agentId: string) =>
  call(token, 'GET', `/api/autonomy/${agentId}`)

async function audit(actors: Actors, action: string, resourceId: string) {
  const answer = await call(
    actors.tokens.admin,
    'GET',
    `/api/audit?action=${action}&resource_id=${resourceId}`
  )
  return answer.body as any[]
}

/* Policies name agent types every test file shares: none may outlive its group. */
const clearPolicies = async () => {
  await db.from('approval_policies').delete()
}

test.group('Autonomy: auto-approval at submit time', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    check = responseChecker(await openApiDocument())
    const set = await setPolicy(actors.tokens.admin, 'copywriter', 'email', QUICK)
    if (set.status !== 201) throw new Error(JSON.stringify(set.body))
    return clearPolicies
  })

  test('a qualifying agent’s draft is approved by the policy, with the rule and the evidence audited', async ({
    assert,
  }) => {
    const who = await writer()
    await earn(actors, who, 3)
    const lead = await makeLead()
    const draft = await write(who, { lead_id: lead.id })
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: 'Write the intro',
      column: 'doing',
      linked_draft_id: draft.id,
    })

    const submitted = await call(who.token, 'POST', `/api/drafts/${draft.id}/submit`)
    assert.equal(submitted.status, 200)
    assert.deepInclude(submitted.body, { status: 'approved', approver_id: null })
    assert.deepEqual(check('POST', `/api/drafts/${draft.id}/submit`, 200, submitted.body), [])

    // one approval row, by the system, naming the policy and what it saw
    const log = await call(actors.tokens.viewer, 'GET', `/api/approvals?draft_id=${draft.id}`)
    assert.lengthOf(log.body, 1)
    const approval = log.body[0]
    assert.deepInclude(approval, { action: 'approve', auto: true, decided_by: null, version: 1 })
    assert.deepInclude(approval.policy, {
      agent_type: 'copywriter',
      channel: 'email',
      mode: 'auto_approve',
      min_decided: 3,
    })
    assert.deepInclude(approval.evidence.record, { decided: 3, clean_approvals: 3, rejections: 0 })
    assert.isTrue(approval.evidence.checks.every((c: any) => c.ok))
    assert.deepEqual(check('GET', '/api/approvals', 200, log.body), [])
    // the decision log lists the policy's approvals on their own
    const autoOnly = await call(actors.tokens.admin, 'GET', '/api/approvals?auto=true&_end=1000')
    assert.include(
      autoOnly.body.map((row: any) => row.id),
      approval.id
    )
    assert.isTrue(autoOnly.body.every((row: any) => row.auto === true))

    // its audit rows: by the system, with the rule and the evidence
    const [approvalAudit] = await audit(actors, 'approval.created', approval.id)
    assert.equal(approvalAudit.actor_type, 'system')
    assert.isNull(approvalAudit.actor_id)
    assert.equal(approvalAudit.after_state.policy.min_decided, 3)
    assert.equal(approvalAudit.after_state.evidence.record.decided, 3)
    const [approvedAudit] = await audit(actors, 'draft.approved', draft.id)
    assert.equal(approvedAudit.actor_type, 'system')
    const [submitAudit] = await audit(actors, 'draft.submitted_for_approval', draft.id)
    assert.equal(submitAudit.actor_type, 'agent')
    const event = await db
      .from('task_events')
      .where('event_type', 'draft.approved')
      .whereRaw(`payload->>'id' = ?`, [draft.id])
      .firstOrFail()
    assert.isTrue(event.payload.auto)
    assert.equal(event.payload.evidence.record.decided, 3)
    assert.equal(event.payload.policy.mode, 'auto_approve')

    // what follows an approval follows this one: the card done, the lead approved, the author told
    assert.equal((await db.from('tasks').where('id', task.body.id).firstOrFail()).column, 'done')
    assert.equal(
      (await db.from('leads').where('id', lead.id).firstOrFail()).status,
      LeadStatus.Approved
    )
    const feedback = await call(who.token, 'GET', `/api/drafts/${draft.id}/feedback`)
    assert.deepInclude(feedback.body.decisions[0], { action: 'approve', auto: true })
    assert.deepEqual(feedback.body.decisions[0].decided_by, { id: null, name: 'approval policy' })

    // nobody is asked to decide it
    const [waiting] = drafts.notifications!
    const submittedEvent = await db
      .from('task_events')
      .where('event_type', 'draft.submitted_for_approval')
      .whereRaw(`payload->>'id' = ?`, [draft.id])
      .firstOrFail()
    assert.isTrue(submittedEvent.payload.auto_approval)
    assert.isFalse(waiting.when!({ payload: submittedEvent.payload } as any))

    // auto-approvals are shown beside the record, never counted in it
    const view = await autonomy(actors.tokens.viewer, who.id)
    assert.equal(view.status, 200)
    assert.deepEqual(check('GET', `/api/autonomy/${who.id}`, 200, view.body), [])
    assert.deepInclude(view.body.record, { decided: 3, auto_approved: 1 })
    assert.deepEqual(view.body.auto_approved_kinds, ['email'])
    assert.isTrue(view.body.policies[0].auto_approves)
  })

  test('only the author submitting its own text is trusted: another writer’s version, an operator’s submit, a pause', async ({
    assert,
    cleanup,
  }) => {
    const who = await writer()
    await earn(actors, who, 3)
    const other = await writer()

    // another copywriter adds its text to the trusted agent's draft and submits it: a person decides
    const borrowed = await write(who)
    const added = await call(other.token, 'POST', `/api/drafts/${borrowed.id}/versions`, {
      content: 'Text the trusted agent never wrote',
      base_version: borrowed.current_version,
    })
    assert.equal(added.status, 201, JSON.stringify(added.body))
    const byOther = await call(other.token, 'POST', `/api/drafts/${borrowed.id}/submit`)
    assert.equal(byOther.status, 200)
    assert.equal(byOther.body.status, 'needs_approval')

    // even when the author submits it: the current text is not its own
    const mixed = await write(who)
    await call(actors.tokens.operator, 'POST', `/api/drafts/${mixed.id}/versions`, {
      content: 'An operator’s rewrite',
      base_version: mixed.current_version,
    })
    const ownSubmit = await call(who.token, 'POST', `/api/drafts/${mixed.id}/submit`)
    assert.equal(ownSubmit.body.status, 'needs_approval')

    // an operator submits the agent's own untouched draft: a person decides
    const untouched = await write(who)
    const byOperator = await call(
      actors.tokens.operator,
      'POST',
      `/api/drafts/${untouched.id}/submit`
    )
    assert.equal(byOperator.status, 200)
    assert.equal(byOperator.body.status, 'needs_approval')

    // paused by an admin, its drafts submitted by someone else still wait; so do all during a global pause
    const pending = await write(who)
    await call(actors.tokens.admin, 'POST', `/api/agents/${who.id}/pause`)
    const whilePaused = await call(
      actors.tokens.operator,
      'POST',
      `/api/drafts/${pending.id}/submit`
    )
    assert.equal(whilePaused.body.status, 'needs_approval')
    await call(actors.tokens.admin, 'POST', `/api/agents/${who.id}/resume`)

    const during = await write(who)
    const paused = await call(actors.tokens.admin, 'POST', '/api/system/pause', {})
    cleanup(async () => {
      await call(actors.tokens.admin, 'POST', '/api/system/resume')
    })
    assert.equal(paused.status, 200, JSON.stringify(paused.body))
    const duringPause = await call(
      actors.tokens.operator,
      'POST',
      `/api/drafts/${during.id}/submit`
    )
    assert.equal(duringPause.body.status, 'needs_approval')
    await call(actors.tokens.admin, 'POST', '/api/system/resume')

    // none of them was approved by the policy; the agent's own next draft still is
    const autos = await db
      .from('approvals')
      .where('auto', true)
      .whereIn('draft_id', [borrowed.id, mixed.id, untouched.id, pending.id, during.id])
    assert.lengthOf(autos, 0)
    const own = await submit(who)
    assert.equal(own.status, 'approved')
  })

  test('a non-qualifying agent’s draft waits in the inbox', async ({ assert }) => {
    const who = await writer()
    await earn(actors, who, 2)
    const draft = await submit(who)
    assert.equal(draft.status, 'needs_approval')
    assert.lengthOf((await db.from('approvals').where('draft_id', draft.id)) as any[], 0)
    const view = await autonomy(actors.tokens.admin, who.id)
    const [standing] = view.body.policies
    assert.isFalse(standing.qualifies)
    assert.deepInclude(standing.checks[0], {
      rule: 'min_decided',
      required: 3,
      actual: 2,
      ok: false,
    })
  })

  test('always ask: a kind without a policy, or with always_ask, waits whatever the record', async ({
    assert,
  }) => {
    const who = await writer()
    await earn(actors, who, 3, 'linkedin')
    assert.equal((await submit(who, { channel: 'linkedin' })).status, 'needs_approval')
    const set = await setPolicy(actors.tokens.admin, 'copywriter', 'linkedin', {
      mode: 'always_ask',
    })
    assert.equal(set.status, 201)
    assert.equal((await submit(who, { channel: 'linkedin' })).status, 'needs_approval')
    await call(actors.tokens.admin, 'DELETE', '/api/approval-policies/copywriter/linkedin')
  })

  test('a kind’s own policy wins over the type’s "any kind" policy', async ({ assert }) => {
    const who = await writer()
    await setPolicy(actors.tokens.admin, 'copywriter', 'any', { ...QUICK, min_decided: 2 })
    await setPolicy(actors.tokens.admin, 'copywriter', 'linkedin', { mode: 'always_ask' })
    try {
      await earn(actors, who, 2, 'facebook')
      assert.equal((await submit(who, { channel: 'facebook' })).status, 'approved')
      // the "any kind" record counts every kind: two facebook decisions earn instagram too
      assert.equal((await submit(who, { channel: 'instagram' })).status, 'approved')
      // linkedin has its own policy: always ask
      assert.equal((await submit(who, { channel: 'linkedin' })).status, 'needs_approval')
      const view = await autonomy(actors.tokens.admin, who.id)
      assert.includeMembers(view.body.auto_approved_kinds, ['facebook', 'instagram', 'post'])
      assert.notInclude(view.body.auto_approved_kinds, 'linkedin')
    } finally {
      await call(actors.tokens.admin, 'DELETE', '/api/approval-policies/copywriter/any')
      await call(actors.tokens.admin, 'DELETE', '/api/approval-policies/copywriter/linkedin')
    }
  })

  test('an agent of another type is not covered by a type’s policy', async ({ assert }) => {
    const set = await setPolicy(actors.tokens.admin, 'lead_finder', 'any', {
      ...QUICK,
      min_decided: 1,
    })
    assert.equal(set.status, 201)
    try {
      const who = await writer()
      await earn(actors, who, 2, 'linkedin')
      assert.equal((await submit(who, { channel: 'linkedin' })).status, 'needs_approval')
      const view = await autonomy(actors.tokens.admin, who.id)
      assert.isFalse(
        view.body.policies.some((standing: any) => standing.policy.agent_type === 'lead_finder')
      )
    } finally {
      await call(actors.tokens.admin, 'DELETE', '/api/approval-policies/lead_finder/any')
    }
  })
})

test.group('Autonomy: demotion and revocation', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    await setPolicy(actors.tokens.admin, 'copywriter', 'email', QUICK)
    return clearPolicies
  })

  test('a rejection demotes at once: its record restarts and the next draft waits', async ({
    assert,
  }) => {
    const who = await writer()
    await earn(actors, who, 3)
    assert.equal((await submit(who)).status, 'approved')
    // a kind no policy covers waits; the admin rejects it
    const other = await submit(who, { channel: 'linkedin' })
    const rejected = await decide(actors.tokens.admin, other, 'reject', { notes: 'Off-brand' })
    assert.equal(rejected.status, 200)

    const view = await autonomy(actors.tokens.admin, who.id)
    assert.isNotNull(view.body.state.record_since)
    assert.deepInclude(view.body.state.demoted_by, { action: 'reject', draft_id: other.id })
    assert.equal(view.body.record.decided, 0)
    assert.isNotNull(view.body.record.last_rejection_at)
    assert.deepEqual(view.body.auto_approved_kinds, [])
    const [demoted] = await audit(actors, 'autonomy.demoted', who.id)
    assert.equal(demoted.actor_type, 'system')
    assert.equal(demoted.after_state.demoted_by.approval_id, rejected.body.approval.id)

    assert.equal((await submit(who)).status, 'needs_approval')
  })

  test('an inline edit demotes too, and a request for changes', async ({ assert }) => {
    const who = await writer()
    await earn(actors, who, 3)
    const edited = await submit(who, { channel: 'linkedin', content: 'Hello there' })
    const answer = await decide(actors.tokens.admin, edited, 'edit_inline_approve', {
      content: 'Hello there, Dr. Smith',
    })
    assert.equal(answer.status, 200)
    assert.equal(
      (await autonomy(actors.tokens.admin, who.id)).body.state.demoted_by.action,
      'edit_inline_approve'
    )
    assert.equal((await submit(who)).status, 'needs_approval')

    const again = await writer()
    await earn(actors, again, 3)
    const sent = await submit(again, { channel: 'linkedin' })
    await decide(actors.tokens.admin, sent, 'request_changes', { notes: 'Shorter' })
    assert.equal((await submit(again)).status, 'needs_approval')
  })

  test('a text a person sent back goes back to a person, even once the agent qualifies again', async ({
    assert,
  }) => {
    const who = await writer()
    const sentBack = await submit(who)
    assert.equal(sentBack.status, 'needs_approval')
    const changes = await decide(actors.tokens.admin, sentBack, 'request_changes', {
      notes: 'Not this',
    })
    assert.equal(changes.status, 200, JSON.stringify(changes.body))
    // new drafts approved untouched until the policy trusts the agent again
    let trusted = false
    for (let i = 0; i < 6 && !trusted; i++) {
      const next = await submit(who)
      trusted = next.status === 'approved'
      if (!trusted) await decide(actors.tokens.admin, next, 'approve')
    }
    assert.isTrue(trusted, 'the agent qualifies again')

    // the same text, resubmitted untouched: the admin decides again
    const again = await call(who.token, 'POST', `/api/drafts/${sentBack.id}/submit`)
    assert.equal(again.status, 200, JSON.stringify(again.body))
    assert.equal(again.body.status, 'needs_approval')
    const autos = await db.from('approvals').where({ draft_id: sentBack.id, auto: true })
    assert.lengthOf(autos, 0)
  })

  test('a correction of an agent that does not hold autonomy counts in its record, without a demotion', async ({
    assert,
  }) => {
    const who = await writer()
    await earn(actors, who, 1)
    const edited = await submit(who, { content: 'aaaaaaaaaa' })
    await decide(actors.tokens.admin, edited, 'edit_inline_approve', { content: 'aaaaabbbbb' })
    const changed = await submit(who)
    await decide(actors.tokens.admin, changed, 'request_changes', { notes: 'Name the clinic' })
    await call(who.token, 'POST', `/api/drafts/${changed.id}/submit`)
    await decide(actors.tokens.admin, changed, 'approve_with_notes', { notes: 'Better' })
    await decide(actors.tokens.admin, await submit(who), 'reject')

    const view = await autonomy(actors.tokens.admin, who.id)
    assert.isNull(view.body.state.demoted_at)
    assert.deepInclude(view.body.record, {
      decided: 5,
      clean_approvals: 2,
      clean_rate: 0.4,
      approved_with_notes: 1,
      inline_edits: 1,
      avg_edit_share: 0.5,
      changes_requested: 1,
      rejections: 1,
      recent_rejections: 1,
    })
    const [standing] = view.body.policies
    assert.isFalse(standing.qualifies)
    assert.deepEqual(
      standing.checks.map((c: any) => [c.rule, c.ok]),
      [
        ['min_decided', true],
        ['min_clean_rate', false],
        ['no_rejection_in_last', false],
      ]
    )
  })

  test('revocation is immediate and lasts until an admin restores it', async ({ assert }) => {
    const who = await writer()
    await earn(actors, who, 3)
    const revoked = await call(actors.tokens.admin, 'POST', `/api/autonomy/${who.id}/revoke`, {
      reason: 'Tone was off',
    })
    assert.equal(revoked.status, 200)
    assert.deepInclude(revoked.body.state, {
      revoked: true,
      revoked_by: actors.users.admin.id,
      revoke_reason: 'Tone was off',
    })
    assert.deepEqual(revoked.body.auto_approved_kinds, [])
    assert.isTrue(revoked.body.policies[0].qualifies, 'the record still qualifies')
    const [revokedAudit] = await audit(actors, 'autonomy.revoked', who.id)
    assert.deepInclude(revokedAudit, { actor_type: 'user', actor_id: actors.users.admin.id })

    assert.equal((await submit(who)).status, 'needs_approval')
    assert.equal((await submit(who)).status, 'needs_approval')
    const twice = await call(actors.tokens.admin, 'POST', `/api/autonomy/${who.id}/revoke`, {})
    assert.equal(twice.status, 409)
    assert.equal(twice.body.errors[0].code, 'E_ALREADY_REVOKED')

    const restored = await call(actors.tokens.admin, 'POST', `/api/autonomy/${who.id}/restore`)
    assert.equal(restored.status, 200)
    assert.isFalse(restored.body.state.revoked)
    assert.lengthOf(await audit(actors, 'autonomy.restored', who.id), 1)
    assert.equal((await submit(who)).status, 'approved')
    const again = await call(actors.tokens.admin, 'POST', `/api/autonomy/${who.id}/restore`)
    assert.equal(again.status, 409)
    assert.equal(again.body.errors[0].code, 'E_NOT_REVOKED')
  })

  test('unknown agent: 404', async ({ assert }) => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    assert.equal((await autonomy(actors.tokens.admin, unknown)).status, 404)
    assert.equal(
      (await call(actors.tokens.admin, 'POST', `/api/autonomy/${unknown}/revoke`, {})).status,
      404
    )
    assert.equal((await autonomy(actors.tokens.admin, 'not-a-uuid')).status, 404)
  })
})

test.group('Autonomy: who may change policies and autonomy', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    await setPolicy(actors.tokens.admin, 'copywriter', 'email', QUICK)
    return clearPolicies
  })

  test('closer, viewer, operator and agent get 403 and change nothing; anyone signed in reads', async ({
    assert,
  }) => {
    const who = await writer()
    const before = await db.from('approval_policies').orderBy('id')
    for (const role of ['closer', 'viewer', 'operator', 'agent'] as const) {
      const token = actors.tokens[role]
      const answers = [
        await setPolicy(token, 'copywriter', 'email', { mode: 'always_ask' }),
        await setPolicy(token, 'copywriter', 'facebook', QUICK),
        await call(token, 'DELETE', '/api/approval-policies/copywriter/email'),
        await call(token, 'POST', `/api/autonomy/${who.id}/revoke`, {}),
        await call(token, 'POST', `/api/autonomy/${who.id}/restore`),
      ]
      assert.deepEqual(
        answers.map((a) => a.status),
        [403, 403, 403, 403, 403],
        role
      )
      assert.equal((await call(token, 'GET', '/api/approval-policies')).status, 200, role)
      assert.equal(
        (await call(token, 'GET', '/api/approval-policies/copywriter/email')).status,
        200,
        role
      )
      assert.equal((await autonomy(token, who.id)).status, 200, role)
    }
    assert.equal((await call(null, 'GET', '/api/approval-policies')).status, 401)
    assert.equal((await setPolicy(null, 'copywriter', 'email', QUICK)).status, 401)
    assert.deepEqual(await db.from('approval_policies').orderBy('id'), before)
    assert.lengthOf((await db.from('agent_autonomy').where('agent_id', who.id)) as any[], 0)
  })

  test('policies: PUT creates (201) then replaces (200), DELETE removes (204), each recorded', async ({
    assert,
  }) => {
    const created = await setPolicy(actors.tokens.admin, 'copywriter', 'script', QUICK)
    assert.equal(created.status, 201)
    assert.deepInclude(created.body, {
      agent_type: 'copywriter',
      channel: 'script',
      mode: 'auto_approve',
      min_decided: 3,
      min_clean_rate: 0.6,
      no_rejection_in_last: 3,
      required_approvals: 1,
      updated_by: actors.users.admin.id,
    })
    const replaced = await setPolicy(actors.tokens.admin, 'copywriter', 'script', {
      mode: 'always_ask',
    })
    assert.equal(replaced.status, 200)
    assert.equal(replaced.body.id, created.body.id)
    // what is not sent takes its default: PUT is the whole policy
    assert.deepInclude(replaced.body, { mode: 'always_ask', min_decided: 20, min_clean_rate: 0.9 })
    const listed = await call(actors.tokens.viewer, 'GET', '/api/approval-policies?channel=script')
    assert.deepEqual(
      listed.body.map((p: any) => p.id),
      [created.body.id]
    )
    assert.equal(listed.headers.get('x-total-count'), '1')
    const removed = await call(
      actors.tokens.admin,
      'DELETE',
      '/api/approval-policies/copywriter/script'
    )
    assert.equal(removed.status, 204)
    assert.equal(
      (await call(actors.tokens.admin, 'GET', '/api/approval-policies/copywriter/script')).status,
      404
    )
    assert.equal(
      (await call(actors.tokens.admin, 'DELETE', '/api/approval-policies/copywriter/script'))
        .status,
      404
    )
    const history = await call(
      actors.tokens.admin,
      'GET',
      `/api/audit?resource_type=approval_policies&resource_id=${created.body.id}&_sort=id&_order=asc`
    )
    assert.deepEqual(
      history.body.map((row: any) => [row.action, row.actor_id]),
      [
        ['approval_policy.created', actors.users.admin.id],
        ['approval_policy.updated', actors.users.admin.id],
        ['approval_policy.deleted', actors.users.admin.id],
      ]
    )
  })

  test('invalid policies: 422 or 404, and nothing written', async ({ assert }) => {
    const before = await db.from('approval_policies').count('* as n')
    const cases: [string, string, Record<string, unknown>, number][] = [
      ['no_such_type', 'email', QUICK, 422],
      ['copywriter', 'fax', QUICK, 404],
      ['copywriter', 'email', { mode: 'sometimes' }, 422],
      ['copywriter', 'email', { ...QUICK, min_clean_rate: 1.5 }, 422],
      ['copywriter', 'email', { ...QUICK, min_decided: 0 }, 422],
      ['copywriter', 'email', { ...QUICK, required_approvals: 3 }, 422],
      // the system is never one of two admins
      ['copywriter', 'email', { ...QUICK, required_approvals: 2 }, 422],
    ]
    for (const [type, channel, body, status] of cases) {
      const answer = await setPolicy(actors.tokens.admin, type, channel, body)
      assert.equal(answer.status, status, JSON.stringify([type, channel, body]))
      assert.isArray(answer.body.errors)
    }
    assert.deepEqual(await db.from('approval_policies').count('* as n'), before)
    const email = await call(actors.tokens.admin, 'GET', '/api/approval-policies/copywriter/email')
    assert.equal(email.body.mode, 'auto_approve')
  })
})

test.group('Autonomy: a kind that needs two admins', (group) => {
  let actors: Actors
  let second: User
  let secondToken: string
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    second = await makeUser(Role.Admin)
    secondToken = (await User.accessTokens.create(second)).value!.release()
    const set = await setPolicy(actors.tokens.admin, 'copywriter', 'post', {
      mode: 'always_ask',
      required_approvals: 2,
    })
    if (set.status !== 201) throw new Error(JSON.stringify(set.body))
    return clearPolicies
  })

  test('one approval keeps it waiting ("1 of 2"), the same admin again gets 409, another admin approves', async ({
    assert,
  }) => {
    const who = await writer()
    const draft = await submit(who, { channel: 'post' })
    assert.deepInclude(draft, { approvals_required: 2, approvals_given: 0 })

    const first = await decide(actors.tokens.admin, draft, 'approve')
    assert.equal(first.status, 200)
    assert.deepInclude(first.body, {
      status: 'needs_approval',
      approvals_required: 2,
      approvals_given: 1,
      approver_id: null,
    })
    assert.deepInclude(first.body.approval, { approval_count: 1, approvals_required: 2 })
    const waiting = await call(
      actors.tokens.viewer,
      'GET',
      `/api/drafts?status=needs_approval&id=${draft.id}`
    )
    assert.equal(waiting.body[0].approvals_given, 1)

    const again = await decide(actors.tokens.admin, draft, 'approve_with_notes', { notes: 'Sure' })
    assert.equal(again.status, 409)
    assert.equal(again.body.errors[0].code, 'E_SAME_APPROVER')

    const done = await decide(secondToken, draft, 'approve')
    assert.equal(done.status, 200)
    assert.deepInclude(done.body, { status: 'approved', approver_id: second.id })
    assert.deepInclude(done.body.approval, { approval_count: 2, approvals_required: 2 })
    const events = await db
      .from('task_events')
      .whereRaw(`payload->>'id' = ?`, [draft.id])
      .whereIn('event_type', ['draft.approval_recorded', 'draft.approved'])
      .orderBy('id')
    assert.deepEqual(
      events.map((e) => e.event_type),
      ['draft.approval_recorded', 'draft.approved']
    )
    // the two approvals make one outcome of its record
    assert.equal((await autonomy(actors.tokens.admin, who.id)).body.record.decided, 1)
  })

  test('a rejection after one approval decides at once; an inline edit starts the count again', async ({
    assert,
  }) => {
    const who = await writer()
    const rejected = await submit(who, { channel: 'post' })
    await decide(actors.tokens.admin, rejected, 'approve')
    const answer = await decide(secondToken, rejected, 'reject', { notes: 'No' })
    assert.equal(answer.status, 200)
    assert.equal(answer.body.status, 'rejected')

    const edited = await submit(who, { channel: 'post' })
    await decide(actors.tokens.admin, edited, 'approve')
    const edit = await decide(secondToken, edited, 'edit_inline_approve', { content: 'Tighter' })
    // the edit is a new version, approved by its editor only
    assert.deepInclude(edit.body, {
      status: 'needs_approval',
      current_version: 2,
      approvals_given: 1,
    })
    const sameEditor = await decide(secondToken, edit.body, 'approve')
    assert.equal(sameEditor.status, 409)
    const final = await decide(actors.tokens.admin, edit.body, 'approve')
    assert.equal(final.body.status, 'approved')
  })
})

test.group('Autonomy: how much an edit changed the text', () => {
  test('the share of characters not kept', ({ assert }) => {
    assert.equal(editShare('same', 'same'), 0)
    assert.equal(editShare('aaaaaaaaaa', 'aaaaabbbbb'), 0.5)
    assert.equal(editShare('abc', 'xyz'), 1)
    assert.equal(editShare('', ''), 0)
    assert.closeTo(editShare('0123456789', '0123456789 and more'), 1 - 10 / 19, 0.0001)
  })
})
