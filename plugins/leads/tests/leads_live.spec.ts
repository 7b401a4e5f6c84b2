import { test } from '@japa/runner'
import { SseClient } from '#tests/helpers/sse_client'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { newLeadBody } from './helpers.js'

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

test.group('Leads: resources/leads is live', (group) => {
  let actors: Actors
  let client: SseClient
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
  })
  group.each.teardown(() => client?.close())

  test('a closer following resources/leads sees creates, status changes and deletes', async ({
    assert,
  }) => {
    client = new SseClient(BASE(), { token: actors.tokens.closer! })
    assert.equal((await client.subscribe('resources/leads')).status, 204)
    assert.equal((await client.subscribe('events')).status, 204)

    const createdMessage = client.waitFor('resources/leads', (m) => m.type === 'created')
    const lead = await call(actors.tokens.agent, 'POST', '/api/leads', newLeadBody())
    assert.deepEqual((await createdMessage)?.ids, [lead.body.id])

    const envelope = client.waitFor(
      'events',
      (e) => e.type === 'lead.status_changed' && e.entityId === lead.body.id
    )
    const updatedMessage = client.waitFor('resources/leads', (m) => m.type === 'updated')
    await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.body.id}`, { status: 'replied' })
    assert.deepEqual((await updatedMessage)?.ids, [lead.body.id])
    assert.containSubset(await envelope, {
      entityType: 'lead',
      payload: { from: 'new', to: 'replied' },
    })

    const deletedMessage = client.waitFor('resources/leads', (m) => m.type === 'deleted')
    await call(actors.tokens.admin, 'DELETE', `/api/leads/${lead.body.id}`)
    assert.deepEqual((await deletedMessage)?.ids, [lead.body.id])
  })
})
