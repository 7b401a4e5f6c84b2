import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { agentOfType, emit } from '#tests/helpers/agent_types'
import { groupNeeds } from '#tests/helpers/plugins'

/** The newest seq of each history table: a refused event must leave both unchanged. */
async function historySize() {
  const [events] = await db.from('task_events').max('id as max')
  const [audit] = await db.from('audit_log').max('id as max')
  return { events: Number(events.max), audit: Number(audit.max) }
}

/*
 * Progress events checked against the declarations of the agent types. The
 * lead_finder type (a plugin of the built-in crew) declares
 * lead.search_started, lead.found and lead.search_finished.
 */
test.group('POST /api/events: declared event types', (group) => {
  groupNeeds(group, 'orchestrator', 'lead_finder', 'enricher', 'copywriter', 'leads')
  let actors: Actors
  let finder: Awaited<ReturnType<typeof agentOfType>>
  const leadId = randomUUID()
  const found = { lead_id: leadId, business_name: 'Boulangerie Paul', website: 'https://paul.fr' }
  group.setup(async () => {
    actors = await makeActors()
    finder = await agentOfType('lead_finder')
  })

  test("an agent's token carries its type's abilities", async ({ assert }) => {
    assert.deepEqual(finder.abilities, ['tasks.write', 'leads.write', 'events.emit'])
  })

  test('an agent posts a declared type with a valid payload: 201, stored as validated', async ({
    assert,
  }) => {
    const response = await emit(finder.token, 'lead.found', {
      ...found,
      business_name: '  Boulangerie Paul ',
      /* not in the schema: dropped */
      rating: 5,
    })
    assert.equal(response.status, 201)
    assert.equal(response.body.event_type, 'lead.found')
    assert.equal(response.body.agent_id, finder.agent.id)
    assert.deepInclude(response.body.payload, found)
    assert.notProperty(response.body.payload, 'rating')
    const stored = await db.from('task_events').where('id', response.body.id).firstOrFail()
    assert.equal(stored.payload.business_name, 'Boulangerie Paul')
  })

  test('a payload that does not match answers 422 with a field per error; nothing is written', async ({
    assert,
  }) => {
    const before = await historySize()
    const badWebsite = await emit(finder.token, 'lead.found', { ...found, website: 'paul' })
    assert.equal(badWebsite.status, 422)
    assert.deepEqual(
      badWebsite.body.errors.map((error: any) => [error.field, error.code]),
      [['payload.website', 'E_VALIDATION_ERROR']]
    )

    const missing = await emit(finder.token, 'lead.found', { website: 42 })
    assert.equal(missing.status, 422)
    assert.sameMembers(
      missing.body.errors.map((error: any) => error.field),
      ['payload.lead_id', 'payload.business_name', 'payload.website']
    )

    /* no payload at all is an empty one, checked like any other */
    const none = await emit(finder.token, 'lead.search_started')
    assert.equal(none.status, 422)
    assert.sameMembers(
      none.body.errors.map((error: any) => error.field),
      ['payload.niche', 'payload.region']
    )
    assert.deepEqual(await historySize(), before)
  })

  test('an event type its agent type does not declare answers 422 naming the allowed ones', async ({
    assert,
  }) => {
    const before = await historySize()
    /* declared, but by the enricher */
    const other = await emit(finder.token, 'lead.enriched', { lead_id: leadId, fields: ['email'] })
    assert.equal(other.status, 422)
    const [error] = other.body.errors
    assert.equal(error.field, 'event_type')
    assert.equal(error.code, 'E_VALIDATION_ERROR')
    assert.equal(error.rule, 'declaredEventType')
    assert.deepEqual(error.allowed, ['lead.search_started', 'lead.found', 'lead.search_finished'])
    assert.include(error.message, 'lead.search_started, lead.found, lead.search_finished')
    assert.include(error.message, '"lead.enriched"')

    const unknown = await emit(finder.token, 'lead.teleported', {})
    assert.equal(unknown.status, 422)
    assert.equal(unknown.body.errors[0].field, 'event_type')
    assert.deepEqual(await historySize(), before)
  })

  test('an agent whose type no enabled plugin declares may not post events', async ({ assert }) => {
    const retired = await agentOfType('retired_scout')
    const response = await emit(retired.token, 'lead.found', found)
    assert.equal(response.status, 403)
    assert.equal(response.body.errors[0].code, 'E_FORBIDDEN')
    assert.include(response.body.errors[0].message, '"retired_scout"')
  })

  test('people: a declared type is checked against its schema; other types are free', async ({
    assert,
  }) => {
    const invalid = await emit(actors.tokens.operator, 'lead.found', { ...found, website: 'x' })
    assert.equal(invalid.status, 422)
    assert.equal(invalid.body.errors[0].field, 'payload.website')

    const valid = await emit(actors.tokens.admin, 'lead.found', found)
    assert.equal(valid.status, 201)
    assert.isNull(valid.body.agent_id)

    const free = await emit(actors.tokens.operator, 'outreach.call_booked', { when: 'tomorrow' })
    assert.equal(free.status, 201)
    assert.deepInclude(free.body.payload, { when: 'tomorrow' })

    /* the host's namespaces and verbs stay closed to everyone */
    const reserved = await emit(actors.tokens.admin, 'lead.updated', {})
    assert.equal(reserved.status, 422)
    assert.equal(reserved.body.errors[0].field, 'event_type')
  })

  test('nobody posts what a plugin or the host records itself: a forged decision or import writes nothing', async ({
    assert,
  }) => {
    const forged = [
      'draft.approved',
      'draft.submitted_for_approval',
      // sent to the author's webhook by the drafts plugin itself: a forged one would read as a decision
      'draft.feedback',
      'autonomy.restored',
      'lead.imported',
      'lead.bulk_created',
      'suppression.lifted',
      'webhook.redelivered',
      'saved_view.shared',
      'notification_preferences.changed',
    ]
    const before = await db.from('task_events').whereIn('event_type', forged).count('* as n')
    for (const type of forged) {
      for (const token of [actors.tokens.admin, actors.tokens.operator]) {
        const response = await emit(token, type, { id: randomUUID() })
        assert.equal(response.status, 422, type)
        assert.equal(response.body.errors[0].field, 'event_type', type)
        assert.equal(response.body.errors[0].rule, 'reserved', type)
      }
    }
    /* an agent gets the same refusal, with the types it may post */
    const copywriter = await agentOfType('copywriter')
    const asAgent = await emit(copywriter.token, 'draft.approved', {})
    assert.equal(asAgent.status, 422)
    assert.equal(asAgent.body.errors[0].rule, 'reserved')
    assert.include(asAgent.body.errors[0].allowed, 'draft.written')
    const after = await db.from('task_events').whereIn('event_type', forged).count('* as n')
    assert.equal(after[0].n, before[0].n, 'no forged event was written')
  })

  test('the declared checks run after the generic ones (shape, size)', async ({ assert }) => {
    const notObject = await emit(finder.token, 'lead.found', [1, 2])
    assert.equal(notObject.status, 422)
    assert.equal(notObject.body.errors[0].field, 'payload')
    const reserved = await call(finder.token, 'POST', '/api/events', {
      event_type: 'agent.found',
      payload: found,
    })
    assert.equal(reserved.status, 422)
    assert.equal(reserved.body.errors[0].rule, 'reserved')
  })
})
