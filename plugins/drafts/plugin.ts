import { definePlugin } from '#plugin_host/define_plugin'

/**
 * Drafts: outreach written by agents, versioned, and decided by an admin.
 * Approval is the end of the line: nothing is ever sent. This issue's
 * version owns the tables and models; routes and decisions come next.
 */
export default definePlugin({
  name: 'drafts',
  label: 'Drafts',
  description: 'Outreach drafts with versions and approval decisions.',
  dependsOn: ['leads'],
  models: {
    Draft: () => import('./models/draft.js'),
    DraftVersion: () => import('./models/draft_version.js'),
    Approval: () => import('./models/approval.js'),
  },
})
