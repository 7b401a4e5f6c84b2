import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { ACTORS, call, makeActors, type Actors } from '#tests/helpers/actors'
import pluginHost from '#plugin_host/running'
import { groupNeeds, pluginsEnabled } from '#tests/helpers/plugins'

/*
 * The built-in crew's types (orchestrator, lead_finder, enricher,
 * copywriter) ship with the app; these tests read lead_finder's declarations.
 */
test.group('GET /api/agent-types', (group) => {
  groupNeeds(group, 'orchestrator', 'lead_finder', 'enricher', 'copywriter')
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('every role and agents read the agent types; anonymous may not', async ({ assert }) => {
    let first: unknown
    for (const name of ACTORS) {
      const list = await call(actors.tokens[name], 'GET', '/api/agent-types')
      const one = await call(actors.tokens[name], 'GET', '/api/agent-types/lead_finder')
      const expected = name === 'anonymous' ? 401 : 200
      assert.equal(list.status, expected, `${name} list`)
      assert.equal(one.status, expected, `${name} show`)
      if (expected === 200) {
        first ??= list.body
        assert.deepEqual(list.body, first, `${name} sees the same list`)
      }
    }
  })

  test('lists every registered type with its abilities, settings and event types', async ({
    assert,
  }) => {
    const response = await call(actors.tokens.viewer, 'GET', '/api/agent-types')
    assert.deepEqual(
      response.body.map((type: any) => type.name),
      pluginHost.agentTypes().map((type) => type.name)
    )
    const finder = response.body.find((type: any) => type.name === 'lead_finder')
    assert.deepInclude(finder, {
      name: 'lead_finder',
      label: 'Lead finder',
      plugin: 'lead_finder',
      // an ability of a plugin it uses is left out while that plugin is disabled
      abilities: pluginsEnabled('leads')
        ? ['tasks.write', 'leads.write', 'events.emit']
        : ['tasks.write', 'events.emit'],
    })
    assert.isString(finder.description)
    assert.deepEqual(Object.keys(finder.settings.properties), [
      'niche',
      'region',
      'max_leads_per_search',
    ])
    assert.deepEqual(
      finder.events.map((event: any) => event.type),
      ['lead.search_started', 'lead.found', 'lead.search_finished']
    )
    const found = finder.events.find((event: any) => event.type === 'lead.found')
    assert.isString(found.description)
    assert.deepEqual(found.payload.required, ['lead_id', 'business_name', 'website'])
    assert.deepEqual(found.payload.properties.website, { type: 'string', format: 'uri' })
    assert.deepEqual(found.payload.properties.lead_id, { type: 'string', format: 'uuid' })

    const one = await call(actors.tokens.agent, 'GET', '/api/agent-types/lead_finder')
    assert.deepEqual(one.body, finder)
  })

  test('an unknown type answers 404', async ({ assert }) => {
    const response = await call(actors.tokens.admin, 'GET', '/api/agent-types/time_traveller')
    assert.equal(response.status, 404)
    assert.equal(response.body.errors[0].code, 'E_NOT_FOUND')
  })
})

test.group('POST /api/agents: settings', (group) => {
  groupNeeds(group, 'orchestrator', 'lead_finder', 'enricher', 'copywriter')
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  const create = (metadata?: Record<string, unknown>) =>
    call(actors.tokens.admin, 'POST', '/api/agents', {
      name: `finder-${randomUUID().slice(0, 8)}`,
      type: 'lead_finder',
      ...(metadata ? { metadata } : {}),
    })

  test('settings matching the type are stored as validated', async ({ assert }) => {
    const response = await create({
      demo: true,
      settings: { niche: '  bakeries ', region: 'Lyon', max_leads_per_search: 25, stray: 'x' },
    })
    assert.equal(response.status, 201)
    assert.deepEqual(response.body.metadata, {
      demo: true,
      settings: { niche: 'bakeries', region: 'Lyon', max_leads_per_search: 25 },
    })
  })

  test('metadata without settings is not checked', async ({ assert }) => {
    assert.equal((await create()).status, 201)
    const other = await create({ note: 'no settings' })
    assert.equal(other.status, 201)
    assert.deepEqual(other.body.metadata, { note: 'no settings' })
  })

  test('settings that do not match answer 422 naming each field; nothing is created', async ({
    assert,
  }) => {
    const before = (await call(actors.tokens.admin, 'GET', '/api/agents')).headers.get(
      'x-total-count'
    )
    const response = await create({ settings: { max_leads_per_search: 0, niche: 42 } })
    assert.equal(response.status, 422)
    assert.sameMembers(
      response.body.errors.map((error: any) => error.field),
      ['metadata.settings.niche', 'metadata.settings.max_leads_per_search']
    )
    for (const error of response.body.errors) assert.equal(error.code, 'E_VALIDATION_ERROR')

    const notAnObject = await create({ settings: 'fast' })
    assert.equal(notAnObject.status, 422)
    assert.equal(notAnObject.body.errors[0].field, 'metadata.settings')

    const after = (await call(actors.tokens.admin, 'GET', '/api/agents')).headers.get(
      'x-total-count'
    )
    assert.equal(after, before)
  })
})
