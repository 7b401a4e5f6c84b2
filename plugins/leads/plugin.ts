import { definePlugin } from '#plugin_host/define_plugin'
import { LeadPermission } from './permissions.js'

const LeadsController = () => import('./controllers/leads_controller.js')

/**
 * Leads: the businesses the agents find and the closers work. A table with
 * dedupe on website and email, the list dialect with search, a streamed CSV
 * export, demo leads on an empty table and `node ace seed:leads`.
 */
export default definePlugin({
  name: 'leads',
  label: 'Leads',
  description: 'Businesses found by agents, enriched and worked by closers.',
  taskLinks: [{ kind: 'lead', label: 'Lead', resource: 'leads', table: 'leads' }],
  permissions: [
    {
      name: LeadPermission.Write,
      description: 'create/update leads (every field)',
      roles: ['admin', 'operator', 'agent'],
      includes: [LeadPermission.WriteFollowUp],
    },
    {
      name: LeadPermission.WriteFollowUp,
      description: "update a lead's `status`, `next_step`, `notes`",
      roles: ['admin', 'operator', 'closer', 'agent'],
    },
    { name: LeadPermission.Delete, description: 'delete leads', roles: ['admin'] },
    {
      name: LeadPermission.Export,
      description: 'export leads CSV',
      roles: ['admin', 'operator', 'closer'],
    },
  ],
  models: {
    Lead: () => import('./models/lead.js'),
  },
  policies: {
    LeadPolicy: () => import('./policies/lead_policy.js'),
  },
  seeders: [() => import('./seed/demo_leads.js')],
  commands: [
    () => import('./commands/seed_leads.js'),
    () => import('./commands/leads_export_sql.js'),
  ],
  openapi: () => import('./openapi.js'),
  mcp: () => import('./mcp.js'),
  register(host) {
    // other plugins move a lead through its funnel by asking the app container, never by importing this plugin
    host.app.container.singleton(
      'leads.funnel',
      async () => (await import('./services/lead_funnel.js')).leadFunnel
    )
  },
  routes({ router, middleware }) {
    const uuid = router.matchers.uuid()
    router
      .group(() => {
        router.get('leads', [LeadsController, 'index'])
        // Before `leads/:id` (ids are UUID-matched anyway).
        router.get('leads/export.csv', [LeadsController, 'export'])
        router.get('leads/:id', [LeadsController, 'show']).where('id', uuid)
        router.post('leads', [LeadsController, 'store'])
        router.patch('leads/:id', [LeadsController, 'update']).where('id', uuid)
        router.delete('leads/:id', [LeadsController, 'destroy']).where('id', uuid)
      })
      .use(middleware.auth())
  },
})
