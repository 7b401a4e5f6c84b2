/**
 * The leads list writes its JSON text itself (services/lead_list.ts): it is
 * compressed for a browser like any other JSON answer
 * (#services/json_compression), and a client that does not ask gets it plain.
 */
import { test } from '@japa/runner'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { rawGet as raw } from '#tests/helpers/raw_http'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { newLeadBody } from './helpers.js'

test.group('Leads list: compressed for browsers', (group) => {
  let actors: Actors
  const ids: string[] = []
  group.setup(async () => {
    actors = await makeActors()
    for (let i = 0; i < 12; i++) {
      const created = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
      ids.push((created.body as { id: string }).id)
    }
  })

  test('a page and a many-by-id read: brotli or gzip as accepted, the same JSON and count as plain', async ({
    assert,
  }) => {
    const auth = { authorization: `Bearer ${actors.tokens.closer}` }
    for (const path of [
      '/api/leads?_start=0&_end=12&_sort=created_at&_order=desc',
      `/api/leads?${ids.map((id) => `id=${id}`).join('&')}`,
    ]) {
      const plain = await raw(path, auth)
      assert.equal(plain.status, 200)
      assert.isUndefined(plain.headers['content-encoding'], 'no Accept-Encoding: plain JSON')
      assert.isAbove(plain.body.length, 2 * 1024)
      const rows = JSON.parse(plain.body.toString())
      assert.lengthOf(rows, 12)

      const br = await raw(path, { ...auth, 'accept-encoding': 'gzip, deflate, br' })
      assert.equal(br.headers['content-encoding'], 'br')
      assert.equal(br.headers['content-type'], 'application/json; charset=utf-8')
      assert.include(br.headers['vary'], 'Accept-Encoding')
      assert.equal(br.headers['x-total-count'], plain.headers['x-total-count'])
      assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString()), rows)
      assert.isBelow(br.body.length, plain.body.length / 2)

      const gz = await raw(path, { ...auth, 'accept-encoding': 'gzip' })
      assert.equal(gz.headers['content-encoding'], 'gzip')
      assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), rows)
    }
  })
})
