import type { PluginSeeder } from '#plugin_host/define_plugin'

/** The demo crew's lead finder. */
const seed: PluginSeeder = async ({ ensureAgent }) => {
  await ensureAgent({ name: 'lead_finder', type: 'lead_finder', metadata: { demo: true } })
}

export default seed
