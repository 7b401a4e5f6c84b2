/**
 * The list dialect's dates at the edges of what it accepts (years 1 to
 * 9999): every list and export answers them, none with a 500.
 */
import { test } from '@japa/runner'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { pluginsEnabled } from '#tests/helpers/plugins'

test.group('List dates at the edges', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('the first and the last millisecond the lists accept answer 200, beyond them 422', async ({
    assert,
  }) => {
    const paths = ['/api/tasks', '/api/events', '/api/audit', '/api/audit/export.csv']
    if (pluginsEnabled('leads')) paths.push('/api/leads', '/api/leads/export.csv')
    for (const path of paths) {
      for (const edge of [
        'created_at_lte=9999-12-31T23:59:59.999Z',
        'created_at_gte=0001-01-01T00:00:00.000Z',
        'created_at_gte=9999-12-31T23:59:59.999Z',
      ]) {
        const answer = await call(actors.tokens.admin, 'GET', `${path}?${edge}`)
        assert.equal(answer.status, 200, `${path}?${edge}: ${JSON.stringify(answer.body)}`)
      }
      const beyond = await call(
        actors.tokens.admin,
        'GET',
        `${path}?created_at_lte=10000-01-01T00:00:00.000Z`
      )
      assert.equal(beyond.status, 422, `${path} beyond the year 9999`)
    }
  })
})
