import { definePlugin } from '#plugin_host/define_plugin'
import { LeadPermission } from './permissions.js'
import { readsItsOwnBody } from '#middleware/body_parser_middleware'

const LeadsController = () => import('./controllers/leads_controller.js')
const LeadImportsController = () => import('./controllers/lead_imports_controller.js')
const LeadBulkController = () => import('./controllers/lead_bulk_controller.js')
const SuppressionsController = () => import('./controllers/suppressions_controller.js')

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
  /* the agent types post lead.found, lead.enriched, ...: only these are the plugin's own */
  records: [
    'lead.imported',
    'lead.bulk_created',
    'lead.bulk_status_changed',
    'lead.bulk_next_step_set',
    'lead.bulk_deleted',
    'lead.status_changed',
    'leads.*',
    'suppression.*',
  ],
  permissions: [
    {
      name: LeadPermission.Write,
      description: 'create/update leads (every field)',
      roles: ['admin', 'operator', 'agent'],
      includes: [LeadPermission.WriteFollowUp, LeadPermission.Import],
    },
    {
      name: LeadPermission.WriteFollowUp,
      description: "update a lead's `status`, `next_step`, `notes`",
      roles: ['admin', 'operator', 'closer', 'agent'],
    },
    {
      name: LeadPermission.Import,
      description:
        'import leads from a CSV file (rows checked as on create; its record and refused rows)',
      roles: ['admin', 'operator', 'closer', 'agent'],
    },
    { name: LeadPermission.Delete, description: 'delete leads', roles: ['admin'] },
    {
      name: LeadPermission.Export,
      description: 'export leads CSV',
      roles: ['admin', 'operator', 'closer'],
    },
    {
      name: LeadPermission.Suppress,
      description: 'read and keep the suppression (do-not-contact) list',
      roles: ['admin'],
    },
  ],
  models: {
    Lead: () => import('./models/lead.js'),
    Suppression: () => import('./models/suppression.js'),
  },
  policies: {
    LeadPolicy: () => import('./policies/lead_policy.js'),
    SuppressionPolicy: () => import('./policies/suppression_policy.js'),
  },
  seeders: [() => import('./seed/demo_leads.js')],
  commands: [
    () => import('./commands/seed_leads.js'),
    () => import('./commands/leads_export_sql.js'),
  ],
  openapi: () => import('./openapi.js'),
  mcp: () => import('./mcp.js'),
  // the numbers of its Home cards, in GET /api/summary
  summary: () => import('./services/summary.js'),
  async register(host) {
    // an import or bulk change in a lead's replay timeline (recorded once for many leads)
    const { leadTimeline } = await import('./services/timeline.js')
    host.registerTimelineSource(leadTimeline)
    // other plugins move a lead through its funnel by asking the app container, never by importing this plugin
    host.app.container.singleton(
      'leads.funnel',
      async () => (await import('./services/lead_funnel.js')).leadFunnel
    )
    // and ask whether a lead is on the do-not-contact list (drafts: no approval for it)
    host.app.container.singleton(
      'leads.suppression',
      async () => (await import('./services/suppression.js')).leadSuppression
    )
  },
  async boot(host) {
    // the web server removes imports' rejected rows past their days; tests call the sweep themselves
    if (host.app.getEnvironment() !== 'web') return
    const { removeExpiredRejections } = await import('./services/lead_imports.js')
    const { leadsConfig } = await import('./config.js')
    const { isDatabaseUnavailable } = await import('#services/database_errors')
    const { databaseOutage } = await import('#services/database_outage')
    let sweeping = false
    const run = async () => {
      if (sweeping) return
      sweeping = true
      try {
        await removeExpiredRejections(leadsConfig.rejectedRowsDays)
      } catch (error) {
        // the database being down is one outage, logged once, not a failure per sweep
        if (isDatabaseUnavailable(error)) databaseOutage.failed(error)
        else
          (await host.app.container.make('logger')).error(
            { err: error },
            'removing expired rejected rows failed'
          )
      } finally {
        sweeping = false
      }
    }
    const first = setTimeout(run, 60_000)
    const sweep = setInterval(run, leadsConfig.retentionCheckSeconds * 1000)
    first.unref()
    sweep.unref()
    host.app.terminating(() => {
      clearTimeout(first)
      clearInterval(sweep)
    })
  },
  routes({ router, middleware }) {
    const uuid = router.matchers.uuid()
    router
      .group(() => {
        router.get('leads', [LeadsController, 'index'])
        // Before `leads/:id` (ids are UUID-matched anyway).
        router.get('leads/export.csv', [LeadsController, 'export'])
        router.post('leads/export.csv', [LeadsController, 'exportSelected'])
        router.get('leads/:id', [LeadsController, 'show']).where('id', uuid)
        router.post('leads', [LeadsController, 'store'])
        router.post('leads/bulk', [LeadBulkController, 'store'])
        router.post('leads/bulk-actions', [LeadBulkController, 'act'])
        router.patch('leads/:id', [LeadsController, 'update']).where('id', uuid)
        router.delete('leads/:id', [LeadsController, 'destroy']).where('id', uuid)
        // CSV import: the body streams into COPY, any size (readsItsOwnBody: no 1 MB limit here)
        readsItsOwnBody(router.post('leads/import', [LeadImportsController, 'store']))
        router.post('leads/import/preview', [LeadImportsController, 'preview'])
        router.get('leads/imports', [LeadImportsController, 'index'])
        router.get('leads/imports/:id', [LeadImportsController, 'show']).where('id', uuid)
        router
          .get('leads/imports/:id/rejected.csv', [LeadImportsController, 'rejected'])
          .where('id', uuid)
        router.get('suppressions', [SuppressionsController, 'index'])
        router.post('suppressions', [SuppressionsController, 'store'])
        router.post('suppressions/bulk', [SuppressionsController, 'bulk'])
        router.delete('suppressions/:id', [SuppressionsController, 'destroy']).where('id', uuid)
      })
      .use(middleware.auth())
  },
})
