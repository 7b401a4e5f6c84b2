import type { PluginSeeder } from '#plugin_host/define_plugin'

/** The demo crew's enricher. */
const seed: PluginSeeder = async ({ ensureAgent }) => {
  await ensureAgent({ name: 'enricher', type: 'enricher', metadata: { demo: true } })
}

export default seed
