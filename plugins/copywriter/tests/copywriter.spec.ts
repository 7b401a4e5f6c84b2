import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { agentOfType, emit } from '#tests/helpers/agent_types'

test.group('copywriter agent type', () => {
  test('reports drafts written and revised', async ({ assert }) => {
    const { token, abilities } = await agentOfType('copywriter')
    assert.deepEqual(abilities, ['tasks.write', 'drafts.write', 'events.emit'])
    const draftId = randomUUID()

    const written = await emit(token, 'draft.written', {
      draft_id: draftId,
      lead_id: randomUUID(),
      version: 1,
    })
    assert.equal(written.status, 201)
    /* a draft need not be for a lead */
    assert.equal(
      (await emit(token, 'draft.written', { draft_id: randomUUID(), version: 1 })).status,
      201
    )
    const revised = await emit(token, 'draft.revised', {
      draft_id: draftId,
      version: 2,
      change_note: 'shorter opening',
    })
    assert.equal(revised.status, 201)
  })

  test('refuses versions that are not whole numbers, and a revision of version 1', async ({
    assert,
  }) => {
    const { token } = await agentOfType('copywriter')
    const fraction = await emit(token, 'draft.written', { draft_id: randomUUID(), version: 1.5 })
    assert.equal(fraction.body.errors[0].field, 'payload.version')
    const first = await emit(token, 'draft.revised', { draft_id: randomUUID(), version: 1 })
    assert.equal(first.body.errors[0].field, 'payload.version')
  })
})
