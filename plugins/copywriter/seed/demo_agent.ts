import type { PluginSeeder } from '#plugin_host/define_plugin'

/** The demo crew's copywriter. */
const seed: PluginSeeder = async ({ ensureAgent }) => {
  await ensureAgent({ name: 'copywriter', type: 'copywriter', metadata: { demo: true } })
}

export default seed
