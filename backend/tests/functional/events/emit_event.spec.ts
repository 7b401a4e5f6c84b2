import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { MAX_EVENT_PAYLOAD_BYTES } from '#enums/event_type'
import { groupNeeds } from '#tests/helpers/plugins'

/** The newest seq of each history table: a rejected request must leave both unchanged. */
async function historySize() {
  const [events] = await db.from('task_events').max('id as max')
  const [audit] = await db.from('audit_log').max('id as max')
  return { events: Number(events.max), audit: Number(audit.max) }
}

/*
 * The test agent is an orchestrator: it may post the event types its type
 * declares (goal.planned, work.assigned), with payloads matching their
 * schemas. People may also post types no agent type declares.
 */
const UNDECLARED = 'outreach.note_added'

/** A payload whose serialized JSON is exactly `bytes` long. */
function payloadOfSize(bytes: number) {
  const overhead = JSON.stringify({ text: '' }).length
  return { text: 'x'.repeat(bytes - overhead) }
}

test.group('POST /api/events', (group) => {
  groupNeeds(group, 'orchestrator')
  let actors: Actors
  let taskId: string
  group.setup(async () => {
    actors = await makeActors()
    taskId = (await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'progress target' }))
      .body.id
  })
  group.each.teardown(async () => {
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
    await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/resume`)
  })

  test('writes one event and one audit row, and answers 201 with the event', async ({ assert }) => {
    const before = await historySize()
    const response = await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'goal.planned',
      task_id: taskId,
      payload: { goal: 'find bakeries in Lyon', task_ids: [taskId] },
    })
    assert.equal(response.status, 201)
    const event = response.body
    assert.isNumber(event.id)
    assert.equal(event.event_type, 'goal.planned')
    assert.equal(event.task_id, taskId)
    assert.equal(event.agent_id, actors.agent.id)
    assert.equal(event.created_by, actors.agent.id)
    assert.deepInclude(event.payload, { goal: 'find bakeries in Lyon', task_ids: [taskId] })
    assert.isString(event.created_at)

    const after = await historySize()
    assert.equal(after.events, before.events + 1)
    assert.equal(after.audit, before.audit + 1)
    assert.equal(after.events, event.id)

    const audit = await db.from('audit_log').where('id', after.audit).firstOrFail()
    assert.equal(audit.action, 'goal.planned')
    assert.equal(audit.actor_type, 'agent')
    assert.equal(audit.actor_id, actors.agent.id)
    assert.equal(audit.resource_type, 'tasks')
    assert.equal(audit.resource_id, taskId)
    assert.equal(audit.metadata.seq, event.id)

    const read = await call(actors.tokens.viewer, 'GET', `/api/events/${event.id}`)
    assert.deepEqual(read.body, event)
  })

  test('without a task, the audited resource is whoever posted it; payload defaults to {}', async ({
    assert,
  }) => {
    const response = await call(actors.tokens.operator, 'POST', '/api/events', {
      event_type: 'outreach.batch_started',
    })
    assert.equal(response.status, 201)
    assert.isNull(response.body.task_id)
    assert.isNull(response.body.agent_id)
    const audit = await db
      .from('audit_log')
      .whereRaw(`(metadata->>'seq')::bigint = ?`, [response.body.id])
      .firstOrFail()
    assert.equal(audit.resource_type, 'users')
    assert.equal(audit.resource_id, actors.users.operator.id)

    const withNull = await call(actors.tokens.operator, 'POST', '/api/events', {
      event_type: 'outreach.batch_started',
      payload: null,
    })
    assert.equal(withNull.status, 201)
    assert.deepEqual(withNull.body.payload, { resource: 'users', id: actors.users.operator.id })
  })

  test('a bad event_type answers 422 and writes nothing', async ({ assert }) => {
    const before = await historySize()
    const bad = [
      undefined,
      '',
      'lead',
      'Lead.Enriched',
      'lead..enriched',
      '.lead.enriched',
      'lead.enriched.',
      'lead enriched',
      'lead-enriched.x',
      '1lead.enriched',
      `lead.${'x'.repeat(100)}`,
      42,
      /* the host's own namespaces and record-change verbs */
      'task.moved',
      'task.created',
      'agent.paused',
      'user.created',
      'system.paused',
      'lead.created',
      'draft.updated',
      'lead.deleted',
    ]
    for (const eventType of bad) {
      const response = await call(actors.tokens.admin, 'POST', '/api/events', {
        event_type: eventType,
        payload: {},
      })
      assert.equal(response.status, 422, JSON.stringify(eventType))
      assert.equal(response.body.errors[0].field, 'event_type', JSON.stringify(eventType))
      assert.equal(response.body.errors[0].code, 'E_VALIDATION_ERROR')
    }
    assert.deepEqual(await historySize(), before)
  })

  test('a payload that is not a JSON object, or is over 64 KB, answers 422 and writes nothing', async ({
    assert,
  }) => {
    const before = await historySize()
    for (const payload of [[1, 2], 'text', 12, true]) {
      const response = await call(actors.tokens.admin, 'POST', '/api/events', {
        event_type: UNDECLARED,
        payload,
      })
      assert.equal(response.status, 422, JSON.stringify(payload))
      assert.equal(response.body.errors[0].field, 'payload')
    }
    const tooBig = await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'goal.planned',
      payload: payloadOfSize(MAX_EVENT_PAYLOAD_BYTES + 1),
    })
    assert.equal(tooBig.status, 422)
    assert.equal(tooBig.body.errors[0].field, 'payload')
    assert.equal(tooBig.body.errors[0].rule, 'maxSize')
    /* multi-byte characters count as the bytes they take */
    const wide = await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'goal.planned',
      payload: { text: 'é'.repeat(MAX_EVENT_PAYLOAD_BYTES / 2) },
    })
    assert.equal(wide.status, 422)
    assert.deepEqual(await historySize(), before)

    /* no declared schema takes 64 KB of text: a person's undeclared type does */
    const atLimit = await call(actors.tokens.operator, 'POST', '/api/events', {
      event_type: UNDECLARED,
      payload: payloadOfSize(MAX_EVENT_PAYLOAD_BYTES),
    })
    assert.equal(atLimit.status, 201)
  })

  test('an unknown or malformed task_id answers 422 and writes nothing', async ({ assert }) => {
    const before = await historySize()
    const unknown = await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'goal.planned',
      task_id: '00000000-0000-4000-8000-000000000000',
      payload: { goal: 'g', task_ids: [taskId] },
    })
    assert.equal(unknown.status, 422)
    assert.equal(unknown.body.errors[0].field, 'task_id')
    const malformed = await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'goal.planned',
      task_id: 'not-a-uuid',
      payload: { goal: 'g', task_ids: [taskId] },
    })
    assert.equal(malformed.status, 422)
    assert.equal(malformed.body.errors[0].field, 'task_id')
    assert.deepEqual(await historySize(), before)
  })

  test('a paused agent gets 423 E_AGENT_PAUSED and nothing is written', async ({ assert }) => {
    const pause = await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/pause`)
    assert.equal(pause.status, 200)
    const before = await historySize()
    const response = await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'goal.planned',
      task_id: taskId,
      payload: { goal: 'g', task_ids: [taskId] },
    })
    assert.equal(response.status, 423)
    assert.equal(response.body.errors[0].code, 'E_AGENT_PAUSED')
    assert.deepEqual(await historySize(), before)

    /* reading stays allowed while paused */
    assert.equal((await call(actors.tokens.agent, 'GET', '/api/events')).status, 200)
  })

  test('under the global pause agents get 423 and people still emit', async ({ assert }) => {
    const pause = await call(actors.tokens.admin, 'POST', '/api/system/pause', { reason: 'drill' })
    assert.equal(pause.status, 200)
    const before = await historySize()
    const response = await call(actors.tokens.agent, 'POST', '/api/events', {
      event_type: 'goal.planned',
      payload: { goal: 'g', task_ids: [taskId] },
    })
    assert.equal(response.status, 423)
    assert.equal(response.body.errors[0].code, 'E_AGENT_PAUSED')
    assert.deepEqual(await historySize(), before)

    const human = await call(actors.tokens.operator, 'POST', '/api/events', {
      event_type: 'goal.planned',
      payload: { goal: 'g', task_ids: [taskId] },
    })
    assert.equal(human.status, 201)
  })
})
