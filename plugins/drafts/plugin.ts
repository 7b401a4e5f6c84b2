import { definePlugin } from '#plugin_host/define_plugin'
import { DraftPermission } from './permissions.js'

const DraftsController = () => import('./controllers/drafts_controller.js')
const DecisionLogController = () => import('./controllers/decision_log_controller.js')
const ApprovalPoliciesController = () => import('./controllers/approval_policies_controller.js')
const AutonomyController = () => import('./controllers/autonomy_controller.js')

let sweep: NodeJS.Timeout | undefined

/**
 * Drafts: outreach written by agents, versioned, and decided by an admin.
 * Approval is the end of the line: nothing is ever sent.
 */
export default definePlugin({
  name: 'drafts',
  label: 'Drafts',
  description: 'Outreach drafts with versions and approval decisions.',
  dependsOn: ['leads'],
  taskLinks: [{ kind: 'draft', label: 'Draft', resource: 'drafts', table: 'drafts' }],
  /* what only a decision, a submission or a rule writes (the copywriter posts draft.written/revised) */
  records: [
    'draft.submitted_for_approval',
    'draft.version_added',
    'draft.approved',
    'draft.rejected',
    'draft.changes_requested',
    'draft.approval_overdue',
    'draft.approval_recorded',
    // its webhook message to a draft's author (actions/decide_draft.ts)
    'draft.feedback',
    'approval.*',
    'approval_policy.*',
    'autonomy.*',
  ],
  permissions: [
    {
      name: DraftPermission.Write,
      description: 'create drafts, add versions, submit for approval',
      roles: ['admin', 'operator', 'agent'],
    },
    {
      name: DraftPermission.Decide,
      description: 'decide drafts (every approval action)',
      roles: ['admin'],
    },
    {
      name: DraftPermission.ManageAutonomy,
      description: "set approval policies; revoke and restore an agent's autonomy",
      roles: ['admin'],
    },
  ],
  notifications: [
    {
      kind: 'drafts.waiting',
      label: 'A draft waits for a decision',
      description: 'An agent submitted a draft for approval.',
      on: 'draft.submitted_for_approval',
      // a draft its approval policy approved at once waits for nobody
      when: (event) => event.payload.auto_approval !== true,
      roles: ['admin'],
      title: (event) => `${event.actor.name ?? 'Someone'} submitted a draft for approval`,
      body: (event) =>
        typeof event.payload.version === 'number' ? `Version ${event.payload.version}` : null,
      link: (event) => `/inbox?draft=${event.resourceId}`,
    },
    {
      kind: 'drafts.overdue',
      label: 'A draft is overdue',
      description: 'A draft has waited for a decision longer than the approval SLA.',
      on: 'draft.approval_overdue',
      roles: ['admin'],
      title: () => 'A draft waits past its approval SLA',
      link: (event) => `/inbox?draft=${event.resourceId}`,
    },
  ],
  models: {
    Draft: () => import('./models/draft.js'),
    DraftVersion: () => import('./models/draft_version.js'),
    Approval: () => import('./models/approval.js'),
    ApprovalPolicy: () => import('./models/approval_policy.js'),
    AgentAutonomy: () => import('./models/agent_autonomy.js'),
  },
  seeders: [() => import('./seed/demo_drafts.js')],
  policies: {
    DraftPolicy: () => import('./policies/draft_policy.js'),
    AutonomyPolicy: () => import('./policies/autonomy_policy.js'),
  },
  openapi: () => import('./openapi.js'),
  mcp: () => import('./mcp.js'),
  // the numbers of its Home cards, in GET /api/summary
  summary: () => import('./services/summary.js'),
  routes({ router, middleware }) {
    router
      .group(() => {
        router.get('drafts', [DraftsController, 'index'])
        router.post('drafts', [DraftsController, 'store'])
        router.get('drafts/:id', [DraftsController, 'show'])
        router.get('drafts/:id/versions', [DraftsController, 'versions'])
        router.post('drafts/:id/versions', [DraftsController, 'addVersion'])
        router.get('drafts/:id/feedback', [DraftsController, 'feedback'])
        router.post('drafts/:id/submit', [DraftsController, 'submit'])
        router.post('drafts/:id/decision', [DraftsController, 'decide'])
        router.post('drafts/bulk-decisions', [DraftsController, 'bulkDecide'])
        router.get('approvals', [DecisionLogController, 'index'])
        router.get('approvals/:id', [DecisionLogController, 'show'])

        router.get('approval-policies', [ApprovalPoliciesController, 'index'])
        router.get('approval-policies/:agent_type/:channel', [ApprovalPoliciesController, 'show'])
        router.put('approval-policies/:agent_type/:channel', [ApprovalPoliciesController, 'update'])
        router.delete('approval-policies/:agent_type/:channel', [
          ApprovalPoliciesController,
          'destroy',
        ])
        router
          .group(() => {
            router.get('autonomy/:agent_id', [AutonomyController, 'show'])
            router.post('autonomy/:agent_id/revoke', [AutonomyController, 'revoke'])
            router.post('autonomy/:agent_id/restore', [AutonomyController, 'restore'])
          })
          .where('agent_id', router.matchers.uuid())
      })
      .use(middleware.auth())
  },
  async register(host) {
    const { draftTimeline } = await import('./services/timeline.js')
    host.registerTimelineSource(draftTimeline)
  },
  async boot(host) {
    // the web server looks for drafts past their approval SLA; tests and commands call the sweep themselves
    if (host.app.getEnvironment() !== 'web') return
    const { flagOverdueDrafts } = await import('./actions/flag_overdue_drafts.js')
    const { draftsConfig } = await import('./config.js')
    const { isDatabaseUnavailable } = await import('#services/database_errors')
    const { databaseOutage } = await import('#services/database_outage')
    const run = () =>
      flagOverdueDrafts().catch((error) => {
        // the database being down is one outage, logged once, not a failure per sweep
        if (isDatabaseUnavailable(error)) return databaseOutage.failed(error)
        return host.app.container
          .make('logger')
          .then((logger) => logger.error({ err: error }, 'overdue sweep failed'))
      })
    sweep = setInterval(run, draftsConfig.overdueCheckSeconds * 1000)
    sweep.unref()
    host.app.terminating(() => clearInterval(sweep))
  },
})
