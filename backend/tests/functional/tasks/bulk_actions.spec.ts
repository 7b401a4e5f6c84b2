import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { ACTORS, call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { needs } from '#tests/helpers/plugins'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import { MAX_BULK_TASKS } from '#actions/tasks/bulk_task_action'

const act = (token: string | null, body: unknown) =>
  call(token, 'POST', '/api/tasks/bulk-actions', body)

/** Rows in the append-only tables and tasks: what a refused request must leave as it was. */
async function footprint() {
  const count = async (table: string) => Number((await db.from(table).count('* as n').first()).n)
  return {
    tasks: await count('tasks'),
    events: await count('task_events'),
    audit: await count('audit_log'),
  }
}

async function columnsOf(ids: string[]) {
  const rows = await db.from('tasks').whereIn('id', ids).select('id', 'column', 'priority')
  return Object.fromEntries(rows.map((row) => [row.id, row.column]))
}

test.group('Tasks bulk actions: many cards, each recorded as when changed alone', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors()
    check = responseChecker(await openApiDocument())
  })

  async function cards(...columns: string[]) {
    const ids: string[] = []
    for (const column of columns) {
      const created = await call(actors.tokens.admin, 'POST', '/api/tasks', {
        title: `bulk ${column}`,
        column,
      })
      ids.push(created.body.id)
    }
    return ids
  }

  test('an admin moves the ticked cards: one event and audit row per changed card, one transaction, refusals named', async ({
    assert,
  }) => {
    const [backlog, doing, done, review] = await cards('backlog', 'doing', 'done', 'needs_approval')
    const missing = randomUUID()
    const before = await footprint()

    const answer = await act(actors.tokens.admin, {
      action: 'move',
      ids: [backlog, doing, missing, done, review],
      column: 'doing',
    })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(check('POST', '/api/tasks/bulk-actions', 200, answer.body), [])
    assert.containSubset(answer.body, { action: 'move', matched: 4, changed: 3, unchanged: 1 })
    assert.deepEqual(answer.body.refused, [
      { id: missing, code: 'E_NOT_FOUND', message: 'No such task' },
    ])
    assert.deepEqual(await columnsOf([backlog, doing, done, review]), {
      [backlog]: 'doing',
      [doing]: 'doing',
      [done]: 'doing',
      [review]: 'doing',
    })
    const reopened = await db.from('tasks').where('id', done).first()
    assert.isNull(reopened.done_at, 'a card taken out of done loses done_at')

    assert.deepEqual(await footprint(), {
      ...before,
      events: before.events + 3,
      audit: before.audit + 3,
    })
    const events = await db
      .from('task_events')
      .whereRaw(`payload->>'bulk_id' = ?`, [answer.body.id])
      .orderBy('id')
    assert.sameMembers(
      events.map((event) => event.task_id),
      [backlog, done, review]
    )
    for (const event of events) {
      assert.equal(event.event_type, 'task.moved')
      assert.equal(event.payload.to, 'doing')
      assert.equal(event.payload.snapshot.column, 'doing', 'each event carries its card')
    }
    // one transaction: now() is the same for all of them
    assert.lengthOf(new Set(events.map((event) => event.created_at.toISOString())), 1)
    const audit = await db
      .from('audit_log')
      .whereIn(
        db.raw(`(metadata->>'seq')::bigint`),
        events.map((event) => event.id)
      )
      .select('action', 'resource_id', 'before_state', 'after_state')
    assert.lengthOf(audit, 3)
    const fromDone = audit.find((row) => row.resource_id === done)!
    assert.equal(fromDone.before_state.column, 'done')
    assert.equal(fromDone.after_state.column, 'doing')
  })

  test('the board replay shows the cards where the action left them', async ({ assert }) => {
    const ids = await cards('backlog', 'backlog', 'doing')
    const answer = await act(actors.tokens.admin, { action: 'move', ids, column: 'done' })
    assert.equal(answer.status, 200)
    assert.equal(answer.body.changed, 3)

    const [last] = (
      await call(actors.tokens.admin, 'GET', '/api/events?_sort=id&_order=desc&_end=1')
    ).body
    const board = await call(
      actors.tokens.viewer,
      'GET',
      `/api/replay/board?at=${encodeURIComponent(last.created_at)}`
    )
    assert.equal(board.status, 200)
    const replayed = board.body.tasks.filter((task: any) => ids.includes(task.id))
    assert.lengthOf(replayed, 3)
    const live = await call(
      actors.tokens.admin,
      'GET',
      `/api/tasks?${ids.map((id) => `id=${id}`).join('&')}`
    )
    assert.sameDeepMembers(replayed, live.body)
    assert.isTrue(replayed.every((task: any) => task.column === 'done' && task.done_at))
  })

  needs(
    test('an operator or an agent moves what its role allows; into or out of done and moves the board forbids are refused, card by card', async ({
      assert,
    }) => {
      for (const name of ['operator', 'agent'] as const) {
        const [backlog, done, doing, review] = await cards(
          'backlog',
          'done',
          'doing',
          'needs_approval'
        )
        const before = await footprint()
        const intoReview = await act(actors.tokens[name], {
          action: 'move',
          ids: [backlog, done, doing],
          column: 'needs_approval',
        })
        assert.equal(intoReview.status, 200, name)
        assert.containSubset(intoReview.body, { matched: 3, changed: 1, unchanged: 0 })
        assert.deepEqual(
          intoReview.body.refused.map((refusal: any) => [refusal.id, refusal.code]),
          [
            [backlog, 'E_INVALID_TRANSITION'],
            [done, 'E_INVALID_TRANSITION'],
          ],
          name
        )
        assert.match(intoReview.body.refused[0].message, /from backlog it can go to doing, done/)

        const intoDone = await act(actors.tokens[name], {
          action: 'move',
          ids: [review, doing],
          column: 'done',
        })
        assert.equal(intoDone.status, 200)
        assert.equal(intoDone.body.changed, 0)
        assert.deepEqual(
          intoDone.body.refused.map((refusal: any) => refusal.code),
          ['E_FORBIDDEN', 'E_FORBIDDEN']
        )
        assert.deepEqual(await columnsOf([backlog, done, doing, review]), {
          [backlog]: 'backlog',
          [done]: 'done',
          [doing]: 'needs_approval',
          [review]: 'needs_approval',
        })
        // only the one card that moved was recorded
        assert.deepEqual(await footprint(), {
          ...before,
          events: before.events + 1,
          audit: before.audit + 1,
        })
      }
    }),
    'orchestrator'
  )

  test('set_priority changes the cards not already of that priority', async ({ assert }) => {
    const ids = await cards('backlog', 'doing')
    await call(actors.tokens.admin, 'PATCH', `/api/tasks/${ids[0]}`, { priority: 'high' })
    // an id in capitals is the same card, named once
    const answer = await act(actors.tokens.operator, {
      action: 'set_priority',
      ids: [ids[0].toUpperCase(), ids[1], ids[1].toUpperCase()],
      priority: 'high',
    })
    assert.equal(answer.status, 200)
    assert.containSubset(answer.body, { matched: 2, changed: 1, unchanged: 1, refused: [] })
    const rows = await db.from('tasks').whereIn('id', ids)
    assert.isTrue(rows.every((row) => row.priority === 'high'))
    const event = await db
      .from('task_events')
      .whereRaw(`payload->>'bulk_id' = ?`, [answer.body.id])
      .firstOrFail()
    assert.equal(event.event_type, 'task.updated')
    assert.equal(event.task_id, ids[1])
  })

  test('delete (admins only): cards go with their agents detached, each with its own event', async ({
    assert,
  }) => {
    const ids = await cards('backlog', 'doing', 'done')
    await db.from('agents').where('id', actors.agent.id).update({ current_task_id: ids[1] })

    for (const name of ACTORS.filter((actor) => actor !== 'admin')) {
      const before = await footprint()
      const refused = await act(actors.tokens[name], { action: 'delete', ids })
      assert.equal(refused.status, name === 'anonymous' ? 401 : 403, name)
      assert.deepEqual(await footprint(), before, name)
    }

    const before = await footprint()
    const answer = await act(actors.tokens.admin, { action: 'delete', ids })
    assert.equal(answer.status, 200)
    assert.containSubset(answer.body, { matched: 3, changed: 3, unchanged: 0, refused: [] })
    assert.equal((await footprint()).tasks, before.tasks - 3)
    const agent = await db.from('agents').where('id', actors.agent.id).first()
    assert.isNull(agent.current_task_id)
    const events = await db
      .from('task_events')
      .whereRaw(`payload->>'bulk_id' = ?`, [answer.body.id])
    assert.sameMembers(
      events.map((event) => event.task_id),
      ids
    )
    assert.isTrue(events.every((event) => event.event_type === 'task.deleted'))
    const detached = await db
      .from('task_events')
      .where({ event_type: 'agent.updated', agent_id: actors.agent.id })
      .orderBy('id', 'desc')
      .first()
    assert.equal(detached.payload.reason, 'task deleted')
  })

  needs(
    test('roles: viewers, closers and anonymous are refused; a paused agent gets 423; nothing is written', async ({
      assert,
      cleanup,
    }) => {
      const ids = await cards('backlog')
      const allowed: ActorName[] = ['admin', 'operator', 'agent']
      for (const name of ACTORS) {
        const before = await footprint()
        const answer = await act(actors.tokens[name], {
          action: 'set_priority',
          ids,
          priority: name === 'agent' ? 'low' : 'med',
        })
        const expected = allowed.includes(name) ? 200 : name === 'anonymous' ? 401 : 403
        assert.equal(answer.status, expected, name)
        if (expected !== 200) assert.deepEqual(await footprint(), before, name)
      }

      await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/pause`)
      cleanup(async () => {
        await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/resume`)
      })
      const before = await footprint()
      const paused = await act(actors.tokens.agent, { action: 'move', ids, column: 'doing' })
      assert.equal(paused.status, 423)
      assert.equal(paused.body.errors[0].code, 'E_AGENT_PAUSED')
      assert.deepEqual(await footprint(), before)
      assert.deepEqual(await columnsOf(ids), { [ids[0]]: 'backlog' })
    }),
    'orchestrator'
  )

  test('bad requests answer 422 in the error shape and write nothing', async ({ assert }) => {
    const ids = await cards('backlog')
    const before = await footprint()
    const tooMany = Array.from({ length: MAX_BULK_TASKS + 1 }, () => randomUUID())
    const cases: [unknown, string][] = [
      [{ action: 'move', ids }, 'column'],
      [{ action: 'move', ids, column: 'archived' }, 'column'],
      [{ action: 'set_priority', ids }, 'priority'],
      [{ action: 'set_priority', ids, priority: 'urgent' }, 'priority'],
      [{ action: 'archive', ids }, 'action'],
      [{ action: 'delete' }, 'ids'],
      [{ action: 'delete', ids: [] }, 'ids'],
      [{ action: 'delete', ids: [ids[0], ids[0]] }, 'ids'],
      [{ action: 'delete', ids: ['not-a-uuid'] }, 'ids.0'],
      [{ action: 'delete', ids: tooMany }, 'ids'],
      [{ action: 'delete', ids: ids[0] }, 'ids'],
    ]
    for (const [body, field] of cases) {
      const answer = await act(actors.tokens.admin, body)
      assert.equal(answer.status, 422, JSON.stringify(body).slice(0, 200))
      assert.equal(answer.body.errors[0].field, field, JSON.stringify(answer.body))
    }
    const notJson = await fetch(
      `http://${process.env.HOST}:${process.env.PORT}/api/tasks/bulk-actions`,
      {
        method: 'POST',
        headers: {
          'authorization': `Bearer ${actors.tokens.admin}`,
          'content-type': 'application/json',
        },
        body: '{"action":',
      }
    )
    assert.equal(notJson.status, 400)
    assert.deepEqual(await footprint(), before)
    assert.deepEqual(await columnsOf(ids), { [ids[0]]: 'backlog' })
  })
})
