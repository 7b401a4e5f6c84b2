import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { ACTORS, call, makeActors, type Actors } from '#tests/helpers/actors'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import { makeLead, submitted } from './helpers.js'
import { MAX_BULK_DECISIONS } from '../validators/draft.js'

const decide = (token: string | null, body: unknown) =>
  call(token, 'POST', '/api/drafts/bulk-decisions', body)

async function footprint() {
  const count = async (table: string) => Number((await db.from(table).count('* as n').first()).n)
  return {
    approvals: await count('approvals'),
    events: await count('task_events'),
    audit: await count('audit_log'),
  }
}

async function statusOf(id: string) {
  return (await db.from('drafts').where('id', id).firstOrFail()).status as string
}

test.group('Drafts: one decision over many drafts', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    check = responseChecker(await openApiDocument())
  })

  test('an admin rejects three drafts: each decided as if alone (approval, event, audit row, task to done); a stale version and a decided draft are reported and left', async ({
    assert,
  }) => {
    const [one, two, stale, decided] = [
      await submitted(actors),
      await submitted(actors),
      await submitted(actors),
      await submitted(actors),
    ]
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: 'Write the intro',
      column: 'doing',
      linked_draft_id: one.id,
    })
    await call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.body.id}`, {
      column: 'needs_approval',
    })
    await call(actors.tokens.admin, 'POST', `/api/drafts/${decided.id}/decision`, {
      action: 'approve',
      version: decided.current_version,
    })
    const missing = randomUUID()
    const before = await footprint()

    const answer = await decide(actors.tokens.admin, {
      action: 'reject',
      notes: 'Off-brand',
      drafts: [
        { id: one.id, version: one.current_version },
        { id: two.id, version: two.current_version },
        { id: stale.id, version: stale.current_version + 1 },
        { id: decided.id, version: decided.current_version },
        { id: missing, version: 1 },
      ],
    })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(check('POST', '/api/drafts/bulk-decisions', 200, answer.body), [])
    assert.containSubset(answer.body, { action: 'reject', decided: 2, refused: 3 })
    assert.deepEqual(
      answer.body.results.map((row: any) => [row.id, row.result, row.status ?? row.code]),
      [
        [one.id, 'decided', 'rejected'],
        [two.id, 'decided', 'rejected'],
        [stale.id, 'refused', 'E_STALE_VERSION'],
        [decided.id, 'refused', 'E_ALREADY_DECIDED'],
        [missing, 'refused', 'E_NOT_FOUND'],
      ]
    )
    assert.equal(await statusOf(one.id), 'rejected')
    assert.equal(await statusOf(two.id), 'rejected')
    assert.equal(await statusOf(stale.id), 'needs_approval')
    assert.equal(await statusOf(decided.id), 'approved')

    const approvals = await db.from('approvals').whereIn('draft_id', [one.id, two.id])
    assert.lengthOf(approvals, 2)
    assert.isTrue(approvals.every((row) => row.action === 'reject' && row.notes === 'Off-brand'))
    const after = await footprint()
    assert.equal(after.approvals, before.approvals + 2)
    // each decision is recorded as a single decision is: event and audit row alike
    const rejected = await db
      .from('task_events')
      .where('event_type', 'draft.rejected')
      .whereIn(db.raw(`payload->>'id'`), [one.id, two.id])
    assert.lengthOf(rejected, 2)
    assert.equal(after.events - before.events, after.audit - before.audit)
    assert.equal(
      (await db.from('tasks').where('id', task.body.id).firstOrFail()).column,
      'done',
      'the linked card is decided with its draft'
    )
  })

  test('approve refuses a draft whose lead is on the do-not-contact list and approves the rest', async ({
    assert,
  }) => {
    const blocked = await makeLead()
    const fine = await makeLead()
    const domain = new URL(blocked.website!).hostname
    const entry = await call(actors.tokens.admin, 'POST', '/api/suppressions', { value: domain })
    assert.equal(entry.status, 201, JSON.stringify(entry.body))
    const a = await submitted(actors, { lead_id: blocked.id })
    const b = await submitted(actors, { lead_id: fine.id })

    const answer = await decide(actors.tokens.admin, {
      action: 'approve',
      drafts: [
        { id: a.id, version: a.current_version },
        { id: b.id, version: b.current_version },
      ],
    })
    assert.equal(answer.status, 200)
    assert.equal(answer.body.results[0].result, 'refused')
    assert.match(answer.body.results[0].message, /do-not-contact/)
    assert.containSubset(answer.body.results[1], { result: 'decided', status: 'approved' })
    assert.equal(await statusOf(a.id), 'needs_approval')
    assert.equal(await statusOf(b.id), 'approved')
  })

  test('a database failure part way: the drafts decided are reported, the one that failed and the rest are left to try again', async ({
    assert,
    cleanup,
  }) => {
    const [a, b, c] = [await submitted(actors), await submitted(actors), await submitted(actors)]
    // the approval of b cannot be written, as a full disk or a lost connection would refuse it
    await db.rawQuery(
      `ALTER TABLE approvals ADD CONSTRAINT forced_failure CHECK (draft_id <> '${b.id}') NOT VALID`
    )
    cleanup(() => db.rawQuery('ALTER TABLE approvals DROP CONSTRAINT forced_failure'))

    const answer = await decide(actors.tokens.admin, {
      action: 'reject',
      drafts: [a, b, c].map((draft) => ({ id: draft.id, version: draft.current_version })),
    })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(check('POST', '/api/drafts/bulk-decisions', 200, answer.body), [])
    assert.containSubset(answer.body, { decided: 1, refused: 2 })
    assert.deepEqual(
      answer.body.results.map((row: any) => [row.id, row.result, row.status ?? row.code]),
      [
        [a.id, 'decided', 'rejected'],
        [b.id, 'refused', 'E_NOT_DECIDED'],
        [c.id, 'refused', 'E_NOT_DECIDED'],
      ]
    )
    assert.equal(await statusOf(a.id), 'rejected')
    assert.equal(await statusOf(b.id), 'needs_approval')
    assert.equal(await statusOf(c.id), 'needs_approval')
  })

  test('request_changes needs notes; bad bodies answer 422 and write nothing', async ({
    assert,
  }) => {
    const draft = await submitted(actors)
    const one = [{ id: draft.id, version: draft.current_version }]
    const before = await footprint()
    const many = Array.from({ length: MAX_BULK_DECISIONS + 1 }, () => ({
      id: randomUUID(),
      version: 1,
    }))
    const cases: [unknown, string][] = [
      [{ action: 'request_changes', drafts: one }, 'notes'],
      [{ action: 'request_changes', notes: '  ', drafts: one }, 'notes'],
      [{ action: 'edit_inline_approve', drafts: one }, 'action'],
      [{ action: 'approve_with_notes', notes: 'x', drafts: one }, 'action'],
      [{ action: 'approve', drafts: [] }, 'drafts'],
      [{ action: 'approve', drafts: [...one, ...one] }, 'drafts'],
      [{ action: 'approve', drafts: [{ id: draft.id }] }, 'drafts.0.version'],
      [{ action: 'approve', drafts: [{ id: 'x', version: 1 }] }, 'drafts.0.id'],
      [{ action: 'approve', drafts: many }, 'drafts'],
      [{ action: 'approve' }, 'drafts'],
    ]
    for (const [body, field] of cases) {
      const answer = await decide(actors.tokens.admin, body)
      assert.equal(answer.status, 422, JSON.stringify(body).slice(0, 120))
      assert.equal(answer.body.errors[0].field, field, JSON.stringify(answer.body))
    }
    assert.deepEqual(await footprint(), before)
    assert.equal(await statusOf(draft.id), 'needs_approval')

    const changes = await decide(actors.tokens.admin, {
      action: 'request_changes',
      notes: 'Shorter, please',
      drafts: one,
    })
    assert.containSubset(changes.body.results[0], { result: 'decided', status: 'draft' })
  })

  test('only admins decide: every other role and agents are refused and nothing is written', async ({
    assert,
  }) => {
    const draft = await submitted(actors)
    for (const name of ACTORS.filter((actor) => actor !== 'admin')) {
      const before = await footprint()
      const answer = await decide(actors.tokens[name], {
        action: 'approve',
        drafts: [{ id: draft.id, version: draft.current_version }],
      })
      assert.equal(answer.status, name === 'anonymous' ? 401 : 403, name)
      assert.deepEqual(await footprint(), before, name)
    }
    assert.equal(await statusOf(draft.id), 'needs_approval')
  })
})
