import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { definePlugin } from '#plugin_host/define_plugin'
import { PluginHost } from '#plugin_host/host'
import { PluginError } from '#plugin_host/plugin_error'

test.group('plugin host: timeline sources', () => {
  test('collects the sources plugins register, with their plugin', async ({ assert }) => {
    const versions = async () => []
    const approvals = async () => []
    const host = new PluginHost(app)
    await host.start([
      {
        folder: 'drafts',
        path: '/nowhere/drafts',
        definition: definePlugin({
          name: 'drafts',
          register: (api) => {
            api.registerTimelineSource(versions)
            api.registerTimelineSource(approvals)
          },
        }),
      },
      { folder: 'leads', path: '/nowhere/leads', definition: definePlugin({ name: 'leads' }) },
    ])
    assert.deepEqual(host.timelineSources(), [
      { plugin: 'drafts', source: versions },
      { plugin: 'drafts', source: approvals },
    ])
  })

  test('a source that is not a function fails the boot naming the plugin', async ({ assert }) => {
    const host = new PluginHost(app)
    try {
      await host.start([
        {
          folder: 'drafts',
          path: '/nowhere/drafts',
          definition: definePlugin({
            name: 'drafts',
            boot: (api) => api.registerTimelineSource('versions' as any),
          }),
        },
      ])
      assert.fail('start was expected to fail')
    } catch (error) {
      assert.instanceOf(error, PluginError)
      assert.equal(
        (error as Error).message,
        'Plugin "drafts" failed to boot: a timeline source must be a function'
      )
    }
  })
})
