import { test } from '@japa/runner'
import { parse } from 'csv-parse/sync'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { runningCopies, until } from '#tests/helpers/exports'
import { SYSTEM } from '#services/change_recorder'
import { seedLeads } from '../actions/seed_leads.js'

const ROWS = 30_000

/**
 * The COPY statements of this database still running on the server: their
 * client backends (a parallel plan's workers show the same query).
 */
test.group('Leads export: streaming, disconnects and failures', (group) => {
  let actors: Actors
  const source = `stream-${randomUUID().slice(0, 8)}`
  const url = () =>
    `http://${process.env.HOST}:${process.env.PORT}/api/leads/export.csv?source=${source}`

  group.setup(async () => {
    actors = await makeActors()
    await seedLeads(SYSTEM, { count: ROWS, seed: 99, source })
    return async () => {
      await db.from('leads').where('source', source).delete()
    }
  })

  test('a large export streams every row', async ({ assert }) => {
    const response = await fetch(url(), {
      headers: { authorization: `Bearer ${actors.tokens.operator}` },
    })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('transfer-encoding'), 'chunked')
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[]
    assert.lengthOf(rows, ROWS)
    assert.isTrue(rows.every((row) => row.source === source))
  }).timeout(60_000)

  test('a client that goes away stops the COPY and gives the connection back', async ({
    assert,
  }) => {
    // more aborted exports than the pool has connections: a leak would hang the list below
    for (let attempt = 0; attempt < 12; attempt++) {
      const controller = new AbortController()
      const response = await fetch(url(), {
        headers: { authorization: `Bearer ${actors.tokens.admin}` },
        signal: controller.signal,
      })
      const reader = response.body!.getReader()
      const first = await reader.read()
      assert.isFalse(first.done)
      controller.abort()
      await reader.read().catch(() => {})
    }
    assert.isTrue(
      await until(async () => (await runningCopies()).length === 0),
      'no COPY is left running'
    )
    const list = await call(actors.tokens.viewer, 'GET', `/api/leads?source=${source}`)
    assert.equal(list.status, 200)
    assert.equal(list.headers.get('x-total-count'), String(ROWS))
  }).timeout(60_000)

  test('a failure in the middle aborts the answer instead of ending it cleanly', async ({
    assert,
  }) => {
    const response = await fetch(url(), {
      headers: { authorization: `Bearer ${actors.tokens.admin}` },
    })
    assert.equal(response.status, 200)
    const reader = response.body!.getReader()
    const first = await reader.read()
    assert.isFalse(first.done)

    // The client reads no further, so the COPY waits on backpressure: kill it there.
    const pids = await runningCopies()
    assert.lengthOf(pids, 1, 'the COPY is still running while the client does not read')
    await db.rawQuery('SELECT pg_terminate_backend(?)', [pids[0]])

    let received = first.value!.byteLength
    let aborted = false
    try {
      for (;;) {
        const next = await reader.read()
        if (next.done) break
        received += next.value.byteLength
      }
    } catch {
      aborted = true
    }
    assert.isTrue(aborted, `the body ended cleanly after ${received} bytes`)

    // and the server carries on
    const again = await fetch(url(), {
      headers: { authorization: `Bearer ${actors.tokens.admin}` },
    })
    assert.equal(again.status, 200)
    assert.lengthOf(parse(await again.text(), { columns: true }), ROWS)
  }).timeout(60_000)
})
