import { test } from '@japa/runner'
import {
  API_TYPES_FILE,
  REGENERATE,
  apiTypesSource,
  checkedInApiTypes,
  everyPluginDocument,
} from '#openapi/api_types'
import { discoverPlugins } from '#plugin_host/discovery'
import { groupNeeds } from '#tests/helpers/plugins'

/** Where two texts first differ, for a message a person can act on. */
function firstDifference(expected: string, actual: string) {
  const want = expected.split('\n')
  const have = actual.split('\n')
  const line = want.findIndex((text, index) => text !== have[index])
  const at = line < 0 ? want.length : line
  return `line ${at + 1}: expected ${JSON.stringify(want[at] ?? '(end of file)')}, found ${JSON.stringify(have[at] ?? '(end of file)')}`
}

test.group('Generated API types', (group) => {
  groupNeeds(group, 'leads', 'drafts', 'orchestrator', 'lead_finder', 'enricher', 'copywriter')
  test('client/api_types.ts matches the OpenAPI document', async ({ assert }) => {
    const expected = await apiTypesSource()
    const actual = await checkedInApiTypes()
    if (actual === null) {
      assert.fail(`${API_TYPES_FILE} is missing: run \`${REGENERATE}\``)
    } else if (actual !== expected) {
      assert.fail(
        `${API_TYPES_FILE} no longer matches the OpenAPI document: run \`${REGENERATE}\` and commit it (${firstDifference(expected, actual)})`
      )
    }
  }).timeout(60_000)

  test('are generated from every plugin', async ({ assert }) => {
    const doc = await everyPluginDocument()
    const plugins = new Set(
      Object.values(doc.paths).flatMap((item) =>
        Object.values(item).flatMap((operation) => operation['x-plugin'] ?? [])
      )
    )
    const withRoutes = (await discoverPlugins())
      .filter(({ definition }) => definition.routes)
      .map(({ definition }) => definition.name)
    assert.includeMembers([...plugins], withRoutes)
  }).timeout(60_000)
})
