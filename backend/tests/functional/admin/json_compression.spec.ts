/**
 * Large JSON answers go compressed to the browsers that accept it; small
 * ones, streams and clients that do not ask go as they are.
 */
import { test } from '@japa/runner'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { rawGet as raw } from '#tests/helpers/raw_http'
import Task from '#models/task'
import { makeActors, type Actors } from '#tests/helpers/actors'
import { needs } from '#tests/helpers/plugins'

test.group('JSON compression', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
    await Task.createMany(
      Array.from({ length: 200 }, (_, i) => ({
        title: `Compress me ${i}`,
        description: 'A task with enough text to make a large list answer.',
        column: 'backlog' as any,
        priority: 'med' as any,
        ownerType: 'admin' as any,
        ownerId: null,
        createdBy: actors.users.admin.id,
      }))
    )
  })

  test('a large list: brotli or gzip as accepted, the same JSON as uncompressed', async ({
    assert,
  }) => {
    const auth = { authorization: `Bearer ${actors.tokens.admin}` }
    const path = '/api/tasks?_start=0&_end=200&_sort=created_at'
    const plain = await raw(path, auth)
    assert.equal(plain.status, 200)
    assert.isUndefined(plain.headers['content-encoding'], 'no Accept-Encoding: plain JSON')
    assert.isAbove(plain.body.length, 8 * 1024)

    const br = await raw(path, { ...auth, 'accept-encoding': 'gzip, deflate, br' })
    assert.equal(br.headers['content-encoding'], 'br')
    assert.equal(br.headers['content-type'], 'application/json; charset=utf-8')
    assert.include(br.headers['vary'], 'Accept-Encoding')
    assert.equal(br.headers['x-total-count'], plain.headers['x-total-count'])
    assert.deepEqual(
      JSON.parse(brotliDecompressSync(br.body).toString()),
      JSON.parse(plain.body.toString())
    )
    assert.isBelow(br.body.length, plain.body.length / 4)

    const gz = await raw(path, { ...auth, 'accept-encoding': 'gzip' })
    assert.equal(gz.headers['content-encoding'], 'gzip')
    assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), JSON.parse(plain.body.toString()))

    const refused = await raw(path, { ...auth, 'accept-encoding': 'br;q=0, gzip;q=0' })
    assert.isUndefined(refused.headers['content-encoding'])
  })

  needs(
    test('small answers, errors and the CSV export go as they are', async ({ assert }) => {
      const auth = {
        'authorization': `Bearer ${actors.tokens.admin}`,
        'accept-encoding': 'gzip, br',
      }
      const me = await raw('/api/auth/me', auth)
      assert.equal(me.status, 200)
      assert.isUndefined(me.headers['content-encoding'])
      assert.equal(JSON.parse(me.body.toString()).id, actors.users.admin.id)

      const missing = await raw('/api/tasks/00000000-0000-4000-8000-000000000000', auth)
      assert.equal(missing.status, 404)
      assert.isUndefined(missing.headers['content-encoding'])

      const csv = await raw('/api/leads/export.csv', auth)
      assert.equal(csv.status, 200)
      assert.isUndefined(csv.headers['content-encoding'])
      assert.match(csv.body.toString(), /^business_name|^id|,/)
    }),
    'leads'
  )
})
