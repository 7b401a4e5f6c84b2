import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { BrowserSession } from '#tests/helpers/browser_session'
import { timelineOf } from '#services/replay'
import type { TimelineRequest } from '#plugin_host/define_plugin'
import { needs } from '#tests/helpers/plugins'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function assertOldestFirst(assert: any, items: any[]) {
  const times = items.map((item) => Date.parse(item.at))
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
    'oldest first'
  )
}

test.group('GET /api/replay/timeline', (group) => {
  let actors: Actors
  let taskId: string
  let seqs: number[]
  group.setup(async () => {
    actors = await makeActors()
    const admin = actors.tokens.admin
    taskId = (await call(admin, 'POST', '/api/tasks', { title: 'followed' })).body.id
    for (const column of ['doing', 'needs_approval', 'done']) {
      await sleep(3)
      await call(admin, 'PATCH', `/api/tasks/${taskId}`, { column })
    }
    await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'work.assigned',
      task_id: taskId,
      payload: { task_id: taskId, agent_id: actors.agent.id, note: 'on it' },
    })
    /* noise: another task's history must stay out */
    const other = (await call(admin, 'POST', '/api/tasks', { title: 'unrelated' })).body.id
    await call(admin, 'PATCH', `/api/tasks/${other}`, { column: 'doing' })
    seqs = (await call(admin, 'GET', `/api/events?task_id=${taskId}&_sort=id&_order=asc`)).body.map(
      (event: any) => event.id
    )
  })

  test('every role and agents read timelines; anonymous may not', async ({ assert }) => {
    const readers: ActorName[] = ['admin', 'operator', 'closer', 'viewer', 'agent']
    for (const name of readers) {
      const response = await call(
        actors.tokens[name],
        'GET',
        `/api/replay/timeline?task_id=${taskId}`
      )
      assert.equal(response.status, 200, name)
      assert.isArray(response.body)
    }
    const anonymous = new BrowserSession()
    assert.equal((await anonymous.get(`/api/replay/timeline?task_id=${taskId}`)).status, 401)
  })

  needs(
    test("a task's timeline: its events, moves included, oldest first, each audit entry after its event", async ({
      assert,
    }) => {
      const response = await call(
        actors.tokens.admin,
        'GET',
        `/api/replay/timeline?task_id=${taskId}`
      )
      const items = response.body
      assert.equal(response.headers.get('x-total-count'), String(items.length))
      assertOldestFirst(assert, items)

      const events = items.filter((item: any) => item.kind === 'event')
      assert.deepEqual(
        events.map((item: any) => item.id),
        seqs
      )
      assert.deepEqual(
        events.map((item: any) => item.event_type),
        ['task.created', 'task.moved', 'task.moved', 'task.moved', 'work.assigned']
      )
      assert.deepEqual(
        events
          .filter((item: any) => item.event_type === 'task.moved')
          .map((item: any) => [item.payload.from, item.payload.to]),
        [
          ['backlog', 'doing'],
          ['doing', 'needs_approval'],
          ['needs_approval', 'done'],
        ]
      )

      /* admins also see the audit entries, each right after the event written with it */
      assert.deepEqual(
        items.map((item: any) => [item.kind, item.seq]),
        seqs.flatMap((seq) => [
          ['event', seq],
          ['audit', seq],
        ])
      )
      const audit = items.find((item: any) => item.kind === 'audit' && item.seq === seqs[3])
      assert.equal(audit.action, 'task.moved')
      assert.equal(audit.before_state.column, 'needs_approval')
      assert.equal(audit.after_state.column, 'done')
    }),
    'orchestrator'
  )

  test('people who may not read the audit log get the events only', async ({ assert }) => {
    for (const name of ['operator', 'viewer', 'agent'] as const) {
      const response = await call(
        actors.tokens[name],
        'GET',
        `/api/replay/timeline?task_id=${taskId}`
      )
      assert.deepEqual(
        response.body.map((item: any) => item.kind),
        seqs.map(() => 'event'),
        name
      )
    }
  })

  test('a deleted task keeps its timeline; an id without history has an empty one', async ({
    assert,
  }) => {
    const admin = actors.tokens.admin
    const gone = (await call(admin, 'POST', '/api/tasks', { title: 'short-lived' })).body.id
    await call(admin, 'DELETE', `/api/tasks/${gone}`)
    const response = await call(actors.tokens.viewer, 'GET', `/api/replay/timeline?task_id=${gone}`)
    assert.deepEqual(
      response.body.map((item: any) => item.event_type),
      ['task.created', 'task.deleted']
    )
    const nothing = await call(admin, 'GET', `/api/replay/timeline?task_id=${randomUUID()}`)
    assert.equal(nothing.status, 200)
    assert.deepEqual(nothing.body, [])
  })

  test('linked records: a lead, its tasks and the events about it', async ({ assert }) => {
    /* leads belong to the leads plugin: without it there is nothing to link */
    if (!(await db.connection().schema.hasTable('leads'))) return
    const admin = actors.tokens.admin
    const [lead] = await db
      .table('leads')
      .insert({
        business_name: 'Bakery',
        niche: 'food',
        region: 'north',
        website: 'https://bakery.example',
        source: 'test',
        lead_score: 'A',
      })
      .returning('id')
    const leadId = lead.id ?? lead
    const task = (
      await call(admin, 'POST', '/api/tasks', { title: 'call the bakery', linked_lead_id: leadId })
    ).body
    await sleep(3)
    /* a type no agent type declares: people may post it, with any payload */
    const called = await call(admin, 'POST', '/api/events', {
      event_type: 'lead.called',
      payload: { id: leadId, outcome: 'voicemail' },
    })
    assert.equal(called.status, 201)

    const ofLead = await call(admin, 'GET', `/api/replay/timeline?lead_id=${leadId}`)
    assert.equal(ofLead.status, 200)
    const leadEvents = ofLead.body.filter((item: any) => item.kind === 'event')
    assert.deepEqual(
      leadEvents.map((item: any) => [item.event_type, item.task_id]),
      [
        ['task.created', task.id],
        ['lead.called', null],
      ]
    )
    assertOldestFirst(assert, ofLead.body)

    /* and from the task's side, the lead's events come along */
    const ofTask = await call(
      actors.tokens.viewer,
      'GET',
      `/api/replay/timeline?task_id=${task.id}`
    )
    assert.deepEqual(
      ofTask.body.map((item: any) => item.event_type),
      ['task.created', 'lead.called']
    )
  })

  test('exactly one of task_id, lead_id, draft_id, as a UUID', async ({ assert }) => {
    const admin = actors.tokens.admin
    for (const query of [
      '',
      `task_id=${taskId}&lead_id=${taskId}`,
      'task_id=nope',
      'draft_id=123',
      `task_id=${taskId}&task_id=${taskId}`,
      `task=${taskId}`,
      `task_id=${taskId}&_sort=at`,
    ]) {
      const response = await call(admin, 'GET', `/api/replay/timeline?${query}`)
      assert.equal(response.status, 422, query)
      assert.equal(response.body.errors[0].code, 'E_INVALID_QUERY')
    }
  })

  test('plugins add their own items through timeline sources', async ({ assert }) => {
    const events = (
      await call(actors.tokens.admin, 'GET', `/api/events?task_id=${taskId}&_sort=id`)
    ).body
    const created = Date.parse(events[0].created_at)
    const requests: TimelineRequest[] = []
    const items = await timelineOf({ task_id: taskId }, actors.users.viewer, [
      {
        plugin: 'versions',
        source: (request) => {
          requests.push(request)
          return [
            { at: new Date(created + 60_000), kind: 'version', id: 'v2', version_number: 2 },
            { at: new Date(created - 60_000).toISOString(), kind: 'version', id: 'v1' },
          ]
        },
      },
      { plugin: 'empty', source: async () => [] },
    ])

    assert.lengthOf(requests, 1)
    assert.deepEqual(requests[0].subject, { task_id: taskId })
    assert.deepEqual(requests[0].links.task_ids, [taskId])
    assert.strictEqual(requests[0].actor, actors.users.viewer)
    assert.equal(items[0].id, 'v1')
    assert.equal(items[items.length - 1].id, 'v2')
    assert.equal(items[items.length - 1].at, new Date(created + 60_000).toISOString())
    assert.lengthOf(items, seqs.length + 2)
    assertOldestFirst(assert, items)

    await assert.rejects(
      () =>
        timelineOf({ task_id: taskId }, actors.users.admin, [
          {
            plugin: 'broken',
            source: () => {
              throw new Error('table missing')
            },
          },
        ]),
      'The timeline source of plugin "broken" failed'
    )
    await assert.rejects(
      () =>
        timelineOf({ task_id: taskId }, actors.users.admin, [
          { plugin: 'sloppy', source: () => [{ at: 'never', kind: 'version' }] },
        ]),
      'The timeline source of plugin "sloppy" returned an item without kind or at'
    )
  })
})
