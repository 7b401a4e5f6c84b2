import { test } from '@japa/runner'

test.group('GET /api/health', () => {
  test('reports the database and redis state without authentication', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/health')
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.equal(response.body().db, 'ok')
    assert.include(['ok', 'disabled'], response.body().redis)
  })
})
