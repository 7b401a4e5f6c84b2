import type { PluginSeeder } from '#plugin_host/define_plugin'

export const DEMO_LEADS = 200

/**
 * ~200 realistic leads on an empty leads table (every start runs this, so
 * it does nothing once any lead exists). Recorded as one `leads.seeded`
 * system event, like `node ace seed:leads`.
 */
const seed: PluginSeeder = async () => {
  const { seedLeads } = await import('../actions/seed_leads.js')
  const { SYSTEM } = await import('#services/change_recorder')
  await seedLeads(SYSTEM, { count: DEMO_LEADS, seed: 2024, onlyIfEmpty: true })
}

export default seed
