import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { agentOfType, emit } from '#tests/helpers/agent_types'

test.group('lead_finder agent type', () => {
  test('reports a search, each lead found, and the end of the search', async ({ assert }) => {
    const { token, abilities } = await agentOfType('lead_finder')
    assert.deepEqual(abilities, ['tasks.write', 'leads.write', 'events.emit'])
    const search = { niche: 'bakeries', region: 'Lyon' }

    assert.equal((await emit(token, 'lead.search_started', search)).status, 201)
    const found = await emit(token, 'lead.found', {
      lead_id: randomUUID(),
      business_name: 'Boulangerie Paul',
      website: 'https://paul.fr',
    })
    assert.equal(found.status, 201)
    assert.equal((await emit(token, 'lead.search_finished', { ...search, found: 1 })).status, 201)
  })

  test('refuses payloads that do not match', async ({ assert }) => {
    const { token } = await agentOfType('lead_finder')
    const noRegion = await emit(token, 'lead.search_started', { niche: 'bakeries' })
    assert.equal(noRegion.body.errors[0].field, 'payload.region')
    const negative = await emit(token, 'lead.search_finished', {
      niche: 'bakeries',
      region: 'Lyon',
      found: -1,
    })
    assert.equal(negative.body.errors[0].field, 'payload.found')
  })
})
