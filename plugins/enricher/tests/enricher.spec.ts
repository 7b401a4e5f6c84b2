import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { agentOfType, emit } from '#tests/helpers/agent_types'

test.group('enricher agent type', () => {
  test('reports the fields it filled in, or why it could not', async ({ assert }) => {
    const { token, abilities } = await agentOfType('enricher')
    assert.deepEqual(abilities, ['tasks.write', 'leads.write', 'events.emit'])
    const leadId = randomUUID()

    const enriched = await emit(token, 'lead.enriched', {
      lead_id: leadId,
      fields: ['contact_name', 'email'],
    })
    assert.equal(enriched.status, 201)
    assert.deepInclude(enriched.body.payload, {
      lead_id: leadId,
      fields: ['contact_name', 'email'],
    })
    const failed = await emit(token, 'lead.enrichment_failed', {
      lead_id: leadId,
      reason: 'no website',
    })
    assert.equal(failed.status, 201)
  })

  test('refuses fields a lead does not have, and an empty list', async ({ assert }) => {
    const { token } = await agentOfType('enricher')
    const unknown = await emit(token, 'lead.enriched', {
      lead_id: randomUUID(),
      fields: ['email', 'shoe_size'],
    })
    assert.equal(unknown.status, 422)
    assert.equal(unknown.body.errors[0].field, 'payload.fields.1')
    const empty = await emit(token, 'lead.enriched', { lead_id: randomUUID(), fields: [] })
    assert.equal(empty.body.errors[0].field, 'payload.fields')
  })
})
