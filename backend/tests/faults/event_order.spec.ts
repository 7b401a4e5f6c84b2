import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { SseClient } from '#tests/helpers/sse_client'
import { sleep } from '#tests/helpers/instances'

/*
| Seqs come from a sequence: a transaction can take seq N, and commit after
| another transaction committed N+1; or roll back, and N never exists. A
| stream gets N before N+1 when N commits late, and is not held up by an N
| that never commits.
*/

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

test.group('Faults: events that commit out of seq order', (group) => {
  let actors: Actors
  const clients: SseClient[] = []

  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.teardown(() => {
    for (const client of clients.splice(0)) client.close()
  })

  async function follower() {
    const client = new SseClient(BASE(), { token: actors.tokens.viewer! })
    clients.push(client)
    const seqs: number[] = []
    await client.subscribe('events')
    client.client.subscription('events').onMessage((envelope: any) => seqs.push(envelope.seq))
    return { client, seqs }
  }

  test('a seq committed late comes before the later ones, which wait for it', async ({
    assert,
  }) => {
    const { client, seqs } = await follower()

    /* a transaction takes a seq and stays open (a slow writer) */
    const trx = await db.transaction()
    const [held] = await trx
      .insertQuery()
      .table('task_events')
      .insert({ event_type: 'test.committed_late', payload: JSON.stringify({ slow: true }) })
      .returning('id')
    const heldSeq = Number(held.id ?? held)

    let created: Awaited<ReturnType<typeof call>>
    try {
      created = await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'after' })
      assert.equal(created.status, 201)
      await sleep(500)
      assert.deepEqual(seqs, [], 'the later seq waits while the earlier one may still commit')
    } finally {
      /* never leave the transaction open, whatever happened */
      await trx.commit()
    }
    const later = await client.waitFor('events', (e) => e.entityId === created.body.id, 5000)
    assert.isNotNull(later)
    assert.isAbove(later.seq, heldSeq)
    assert.deepEqual(
      seqs.filter((seq) => seq >= heldSeq),
      [heldSeq, later.seq],
      'the late one first, each once'
    )
    const late = client.received.find((m) => m.payload.seq === heldSeq)!.payload
    assert.equal(late.type, 'test.committed_late')
    assert.deepEqual(late.payload, { slow: true })
  })

  test('a seq whose transaction rolled back is skipped, and holds nothing up', async ({
    assert,
  }) => {
    const { client, seqs } = await follower()

    const trx = await db.transaction()
    const [taken] = await trx
      .insertQuery()
      .table('task_events')
      .insert({ event_type: 'test.rolled_back', payload: JSON.stringify({}) })
      .returning('id')
    const lostSeq = Number(taken.id ?? taken)
    await trx.rollback()

    const created = await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'next' })
    const envelope = await client.waitFor('events', (e) => e.entityId === created.body.id, 4000)
    assert.isNotNull(envelope, 'delivered without waiting for the rolled-back seq')
    assert.notInclude(seqs, lostSeq)
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b)
    )
  })
})
