import { definePlugin } from '#plugin_host/define_plugin'

/**
 * Leads: the businesses the agents find and the closers work. This issue's
 * version owns the table and model; routes, policy and export come next.
 */
export default definePlugin({
  name: 'leads',
  label: 'Leads',
  description: 'Businesses found by agents, enriched and worked by closers.',
  models: {
    Lead: () => import('./models/lead.js'),
  },
})
