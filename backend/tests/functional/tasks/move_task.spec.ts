import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { TASK_COLUMNS, TASK_TRANSITIONS, TaskColumn } from '#enums/task'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { needs } from '#tests/helpers/plugins'

test.group('Tasks: moving cards between columns', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  async function taskIn(column: TaskColumn) {
    const created = await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: `in ${column}`,
      column,
    })
    return created.body
  }

  test('every column transition: allowed ones move, the others answer 409', async ({ assert }) => {
    for (const from of TASK_COLUMNS) {
      for (const to of TASK_COLUMNS) {
        if (from === to) continue
        const task = await taskIn(from)
        const response = await call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.id}`, {
          column: to,
        })
        const allowed = TASK_TRANSITIONS[from].includes(to)
        assert.equal(response.status, allowed ? 200 : 409, `${from} -> ${to}`)
        const stored = await db.from('tasks').where('id', task.id).firstOrFail()
        assert.equal(stored.column, allowed ? to : from, `${from} -> ${to}`)
        if (!allowed) assert.equal(response.body.errors[0].code, 'E_INVALID_TRANSITION')
      }
    }
  })

  test('done stamps done_at; leaving done clears it', async ({ assert }) => {
    const task = await taskIn(TaskColumn.Doing)
    assert.isNull(task.done_at)
    const done = await call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.id}`, {
      column: 'done',
    })
    assert.isString(done.body.done_at)
    assert.closeTo(Date.parse(done.body.done_at), Date.now(), 10_000)
    const reopened = await call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.id}`, {
      column: 'doing',
    })
    assert.isNull(reopened.body.done_at)
  })

  needs(
    test('a move writes one task.moved event and one audit row with before and after', async ({
      assert,
    }) => {
      const task = await taskIn(TaskColumn.Backlog)
      const moved = await call(actors.tokens.agent, 'PATCH', `/api/tasks/${task.id}`, {
        column: 'doing',
      })
      assert.equal(moved.status, 200)

      const events = await db
        .from('task_events')
        .where({ task_id: task.id, event_type: 'task.moved' })
      assert.lengthOf(events, 1)
      assert.deepInclude(events[0].payload, { from: 'backlog', to: 'doing' })
      assert.equal(events[0].payload.snapshot.column, 'doing')
      assert.equal(events[0].agent_id, actors.agent.id)

      const audit = await db.from('audit_log').where({ action: 'task.moved', resource_id: task.id })
      assert.lengthOf(audit, 1)
      assert.equal(audit[0].actor_type, 'agent')
      assert.equal(audit[0].actor_id, actors.agent.id)
      assert.equal(audit[0].before_state.column, 'backlog')
      assert.equal(audit[0].after_state.column, 'doing')
      assert.equal(audit[0].metadata.seq, Number(events[0].id))
      assert.isString(audit[0].metadata.request_id)
    }),
    'orchestrator'
  )

  test('two concurrent moves of one card are applied one after the other', async ({ assert }) => {
    const task = await taskIn(TaskColumn.Backlog)
    const results = await Promise.all([
      call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.id}`, { column: 'doing' }),
      call(actors.tokens.operator, 'PATCH', `/api/tasks/${task.id}`, { column: 'doing' }),
    ])
    assert.sameMembers(
      results.map((r) => r.status),
      [200, 200]
    )
    const moves = await db.from('task_events').where({ task_id: task.id, event_type: 'task.moved' })
    assert.lengthOf(moves, 1)
  })

  test('a burst of concurrent moves leaves one consistent history', async ({ assert }) => {
    const task = await taskIn(TaskColumn.Backlog)
    const targets = ['doing', 'backlog', 'doing', 'backlog', 'doing', 'backlog', 'doing', 'backlog']
    const results = await Promise.all(
      targets.map((column, i) =>
        call(
          i % 2 ? actors.tokens.operator : actors.tokens.admin,
          'PATCH',
          `/api/tasks/${task.id}`,
          {
            column,
          }
        )
      )
    )
    assert.deepEqual(
      results.map((r) => r.status),
      targets.map(() => 200)
    )
    // every move starts where the one before it ended, and the card is where the last one left it
    const moves = await db
      .from('task_events')
      .where({ task_id: task.id, event_type: 'task.moved' })
      .orderBy('id', 'asc')
    assert.isAtLeast(moves.length, 1)
    let column = 'backlog'
    for (const move of moves) {
      assert.equal(move.payload.from, column)
      assert.equal(move.payload.snapshot.column, move.payload.to)
      column = move.payload.to
    }
    const stored = await db.from('tasks').where('id', task.id).firstOrFail()
    assert.equal(stored.column, column)
    const audit = await db.from('audit_log').where({ action: 'task.moved', resource_id: task.id })
    assert.lengthOf(audit, moves.length)
    for (const row of audit) {
      const event = moves.find((m) => Number(m.id) === row.metadata.seq)
      assert.exists(event, 'each audit row names its event')
      assert.equal(row.before_state.column, event.payload.from)
      assert.equal(row.after_state.column, event.payload.to)
    }
  })
})

test.group('Tasks: create, edit, list', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  needs(
    test('an agent creates a card it owns; a person creates one they own', async ({ assert }) => {
      const byAgent = await call(actors.tokens.agent, 'POST', '/api/tasks', {
        title: 'Find 20 dentists',
        priority: 'high',
      })
      assert.equal(byAgent.status, 201)
      assert.deepInclude(byAgent.body, {
        title: 'Find 20 dentists',
        column: 'backlog',
        priority: 'high',
        owner_type: 'agent',
        owner_id: actors.agent.id,
        created_by: actors.agent.id,
        description: '',
      })
      const byPerson = await call(actors.tokens.operator, 'POST', '/api/tasks', {
        title: 'Review niche list',
      })
      assert.deepInclude(byPerson.body, { owner_type: 'admin', owner_id: actors.users.operator.id })
    }),
    'orchestrator'
  )

  needs(
    test('bad input answers 422 with the field and writes nothing', async ({ assert }) => {
      const before = await db.from('task_events').max('id as max')
      const cases: [unknown, string][] = [
        [{}, 'title'],
        [{ title: '' }, 'title'],
        [{ title: 'x', column: 'archived' }, 'column'],
        [{ title: 'x', priority: 'urgent' }, 'priority'],
        [
          { title: 'x', owner_type: 'agent', owner_id: '00000000-0000-4000-8000-000000000000' },
          'owner_id',
        ],
        [{ title: 'x', owner_id: 'nope' }, 'owner_id'],
        [{ title: 'x', linked_lead_id: '00000000-0000-4000-8000-000000000000' }, 'linked_lead_id'],
        [{ title: 'x'.repeat(201) }, 'title'],
      ]
      for (const [body, field] of cases) {
        const response = await call(actors.tokens.admin, 'POST', '/api/tasks', body)
        assert.equal(response.status, 422, JSON.stringify(body))
        assert.include(
          response.body.errors.map((e: any) => e.field),
          field,
          JSON.stringify(body)
        )
      }
      const after = await db.from('task_events').max('id as max')
      assert.equal(after[0].max, before[0].max)
    }),
    'leads'
  )

  test('unknown ids answer 404', async ({ assert }) => {
    const missing = '00000000-0000-4000-8000-000000000000'
    assert.equal((await call(actors.tokens.admin, 'GET', `/api/tasks/${missing}`)).status, 404)
    assert.equal(
      (await call(actors.tokens.admin, 'PATCH', `/api/tasks/${missing}`, { column: 'doing' }))
        .status,
      404
    )
    assert.equal((await call(actors.tokens.admin, 'DELETE', `/api/tasks/${missing}`)).status, 404)
  })

  test('the list filters by column, searches title and description, pages with x-total-count', async ({
    assert,
  }) => {
    const marker = `zebra${Date.now()}`
    await call(actors.tokens.admin, 'POST', '/api/tasks', { title: `${marker} one` })
    await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: 'two',
      description: `about ${marker.toUpperCase()}`,
    })
    await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: `${marker} three`,
      column: 'doing',
    })

    const found = await call(
      actors.tokens.viewer,
      'GET',
      `/api/tasks?q=${marker}&_sort=title&_order=asc`
    )
    assert.equal(found.headers.get('x-total-count'), '3')
    assert.deepEqual(
      found.body.map((t: any) => t.title),
      ['two', `${marker} one`, `${marker} three`]
    )

    const doing = await call(actors.tokens.viewer, 'GET', `/api/tasks?q=${marker}&column=doing`)
    assert.deepEqual(
      doing.body.map((t: any) => t.title),
      [`${marker} three`]
    )

    const several = await call(
      actors.tokens.viewer,
      'GET',
      `/api/tasks?q=${marker}&column=doing&column=backlog&_start=0&_end=1`
    )
    assert.equal(several.headers.get('x-total-count'), '3')
    assert.lengthOf(several.body, 1)

    const bad = await call(actors.tokens.viewer, 'GET', '/api/tasks?colour=red')
    assert.equal(bad.status, 422)
  })

  test('deleting a card detaches the agents working on it, with their own events', async ({
    assert,
  }) => {
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'to delete' })
    await call(actors.tokens.agent, 'POST', '/api/agents/me/heartbeat', {
      status: 'running',
      current_task_id: task.body.id,
    })
    const response = await call(actors.tokens.admin, 'DELETE', `/api/tasks/${task.body.id}`)
    assert.equal(response.status, 204)
    const agent = await call(actors.tokens.admin, 'GET', `/api/agents/${actors.agent.id}`)
    assert.isNull(agent.body.current_task_id)
    const events = await db.from('task_events').where('task_id', task.body.id).orderBy('id')
    assert.equal(events.at(-1).event_type, 'task.deleted')
    const detach = await db
      .from('task_events')
      .where({ agent_id: actors.agent.id, event_type: 'agent.updated' })
    assert.isAbove(detach.length, 0)
  })
})
