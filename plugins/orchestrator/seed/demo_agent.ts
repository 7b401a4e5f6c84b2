import type { PluginSeeder } from '#plugin_host/define_plugin'

/** The demo crew's orchestrator. */
const seed: PluginSeeder = async ({ ensureAgent }) => {
  await ensureAgent({ name: 'orchestrator', type: 'orchestrator', metadata: { demo: true } })
}

export default seed
