import { test } from '@japa/runner'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { SYSTEM, recordChanges } from '#services/change_recorder'
import { needs } from '#tests/helpers/plugins'

/** The newest seq so far, as a client would have seen it last. */
async function lastSeq(token: string | null) {
  const newest = await call(token, 'GET', '/api/events?_sort=id&_order=desc&_end=1')
  return newest.body[0]?.id ?? 0
}

test.group('GET /api/events?after=<seq> (the reconnect backfill)', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  needs(
    test('returns exactly the events after seq, in ascending order', async ({ assert }) => {
      const admin = actors.tokens.admin
      const seen = await lastSeq(admin)

      /* five known changes */
      const a = (await call(admin, 'POST', '/api/tasks', { title: 'A' })).body
      await call(admin, 'PATCH', `/api/tasks/${a.id}`, { column: 'doing' })
      const b = (await call(admin, 'POST', '/api/tasks', { title: 'B' })).body
      await call(admin, 'PATCH', `/api/tasks/${b.id}`, { title: 'B, renamed' })
      await call(actors.tokens.agent, 'POST', '/api/events', {
        event_type: 'goal.planned',
        task_id: b.id,
        payload: { goal: 'B', task_ids: [b.id] },
      })

      const backfill = await call(actors.tokens.viewer, 'GET', `/api/events?after=${seen}`)
      assert.equal(backfill.status, 200)
      assert.equal(backfill.headers.get('x-total-count'), '5')
      assert.deepEqual(
        backfill.body.map((event: any) => [event.event_type, event.task_id]),
        [
          ['task.created', a.id],
          ['task.moved', a.id],
          ['task.created', b.id],
          ['task.updated', b.id],
          ['goal.planned', b.id],
        ]
      )
      const seqs = backfill.body.map((event: any) => event.id)
      assert.isTrue(
        seqs.every((seq: number, i: number) => seq > seen && (i === 0 || seq > seqs[i - 1]))
      )

      /* from the middle: only the later ones */
      const later = await call(admin, 'GET', `/api/events?after=${seqs[2]}`)
      assert.deepEqual(
        later.body.map((event: any) => event.id),
        seqs.slice(3)
      )
      /* nothing new: an empty page */
      const none = await call(admin, 'GET', `/api/events?after=${seqs[4]}`)
      assert.deepEqual(none.body, [])
      assert.equal(none.headers.get('x-total-count'), '0')

      /* combined with filters */
      const onlyA = await call(admin, 'GET', `/api/events?after=${seen}&task_id=${a.id}`)
      assert.deepEqual(
        onlyA.body.map((event: any) => event.id),
        seqs.slice(0, 2)
      )
      const moves = await call(admin, 'GET', `/api/events?after=${seen}&event_type=task.moved`)
      assert.deepEqual(
        moves.body.map((event: any) => event.id),
        [seqs[1]]
      )

      /* _start/_end narrow it, still ascending */
      const page = await call(admin, 'GET', `/api/events?after=${seen}&_start=1&_end=3`)
      assert.deepEqual(
        page.body.map((event: any) => event.id),
        seqs.slice(1, 3)
      )
      assert.equal(page.headers.get('x-total-count'), '5')
      const fromTwo = await call(admin, 'GET', `/api/events?after=${seen}&_start=2`)
      assert.deepEqual(
        fromTwo.body.map((event: any) => event.id),
        seqs.slice(2)
      )
      const explicit = await call(admin, 'GET', `/api/events?after=${seen}&_sort=id&_order=asc`)
      assert.deepEqual(
        explicit.body.map((event: any) => event.id),
        seqs
      )
    }),
    'orchestrator'
  )

  test('never more than 1000 events a call; the client pages on with the last seq', async ({
    assert,
  }) => {
    const admin = actors.tokens.admin
    const seen = await lastSeq(admin)
    /* 1005 real events through the one write path, in one transaction */
    await recordChanges(SYSTEM, async (_trx, recorder) => {
      for (let i = 0; i < 1005; i++) {
        await recorder.record({
          action: 'bulk.progress',
          resourceType: 'bulk',
          resourceId: String(i),
          payload: { i },
        })
      }
    })

    const first = await call(admin, 'GET', `/api/events?after=${seen}`)
    assert.equal(first.status, 200)
    assert.lengthOf(first.body, 1000)
    assert.equal(first.headers.get('x-total-count'), '1005')
    assert.deepEqual(
      first.body.map((event: any) => event.payload.i),
      Array.from({ length: 1000 }, (_, i) => i)
    )
    const last = first.body[999].id
    const rest = await call(admin, 'GET', `/api/events?after=${last}`)
    assert.deepEqual(
      rest.body.map((event: any) => event.payload.i),
      [1000, 1001, 1002, 1003, 1004]
    )

    const tooMany = await call(admin, 'GET', `/api/events?after=${seen}&_start=0&_end=1001`)
    assert.equal(tooMany.status, 422)
  })

  test('after must be a whole number of 0 or more; the order cannot be changed', async ({
    assert,
  }) => {
    const admin = actors.tokens.admin
    for (const after of ['-1', 'abc', '1.5', '1e3', '99999999999999999999']) {
      const response = await call(admin, 'GET', `/api/events?after=${encodeURIComponent(after)}`)
      assert.equal(response.status, 422, after)
      assert.equal(response.body.errors[0].field, 'after', after)
    }
    const twice = await call(admin, 'GET', '/api/events?after=1&after=2')
    assert.equal(twice.status, 422)
    const sorted = await call(admin, 'GET', '/api/events?after=0&_sort=created_at')
    assert.equal(sorted.status, 422)
    const descending = await call(admin, 'GET', '/api/events?after=0&_sort=id&_order=desc')
    assert.equal(descending.status, 422)
    /* an empty value means no backfill: the plain list */
    const empty = await call(admin, 'GET', '/api/events?after=')
    assert.equal(empty.status, 200)
    assert.lengthOf(empty.body, 10)
  })
})

test.group('GET /api/events (the list)', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  needs(
    test('newest first by default, with filters and x-total-count', async ({ assert }) => {
      const admin = actors.tokens.admin
      const task = (await call(admin, 'POST', '/api/tasks', { title: 'listed' })).body
      /* a later millisecond, so created_at_gte can tell the two apart */
      await new Promise((resolve) => setTimeout(resolve, 5))
      await call(admin, 'PATCH', `/api/tasks/${task.id}`, { column: 'doing' })
      await call(actors.tokens.agent, 'POST', '/api/events', {
        event_type: 'goal.planned',
        task_id: task.id,
        payload: { goal: 'listed', task_ids: [task.id] },
      })

      const list = await call(actors.tokens.closer, 'GET', `/api/events?task_id=${task.id}`)
      assert.equal(list.headers.get('x-total-count'), '3')
      assert.deepEqual(
        list.body.map((event: any) => event.event_type),
        ['goal.planned', 'task.moved', 'task.created']
      )
      const byAgent = await call(
        admin,
        'GET',
        `/api/events?task_id=${task.id}&agent_id=${actors.agent.id}`
      )
      assert.deepEqual(
        byAgent.body.map((event: any) => event.event_type),
        ['goal.planned']
      )
      const byCreator = await call(
        admin,
        'GET',
        `/api/events?task_id=${task.id}&created_by=${actors.users.admin.id}&_sort=id&_order=asc`
      )
      assert.deepEqual(
        byCreator.body.map((event: any) => event.event_type),
        ['task.created', 'task.moved']
      )
      const since = list.body[1].created_at
      const recent = await call(
        admin,
        'GET',
        `/api/events?task_id=${task.id}&created_at_gte=${encodeURIComponent(since)}`
      )
      assert.includeMembers(
        recent.body.map((event: any) => event.event_type),
        ['goal.planned']
      )
      assert.notInclude(
        recent.body.map((event: any) => event.event_type),
        'task.created'
      )
      const many = await call(
        admin,
        'GET',
        `/api/events?id=${list.body[0].id}&id=${list.body[2].id}`
      )
      assert.lengthOf(many.body, 2)

      for (const bad of ['payload=x', '_sort=event_type', 'task_id=nope']) {
        assert.equal((await call(admin, 'GET', `/api/events?${bad}`)).status, 422, bad)
      }
    }),
    'orchestrator'
  )
})
