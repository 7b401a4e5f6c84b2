import { lazy } from 'react'
import { FileTextOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { defineAdminPlugin } from '@admin/plugin_api'
import { DraftPermission } from '../permissions.js'

/**
 * The drafts screens: list, record page with versions, create, and "new
 * version" as the edit screen (a draft is never changed in place).
 */
export default defineAdminPlugin({
  name: 'drafts',
  resources: [
    {
      name: 'drafts',
      list: { path: '/drafts', component: lazy(() => import('./list')) },
      show: { path: '/drafts/show/:id', component: lazy(() => import('./show')) },
      create: { path: '/drafts/create', component: lazy(() => import('./create')) },
      edit: { path: '/drafts/edit/:id', component: lazy(() => import('./edit')) },
      meta: { label: 'Drafts', icon: <FileTextOutlined />, order: 60 },
      // the command palette finds drafts by kind (the list's `q`: draft_type)
      palette: {
        title: (draft) => `${String(draft.draft_type)} (${String(draft.channel)})`,
        detail: (draft) => String(draft.status ?? ''),
      },
    },
  ],
  routes: [
    { path: '/inbox', component: lazy(() => import('./inbox')) },
    { path: '/approval-policies', component: lazy(() => import('./policies')) },
  ],
  menu: [
    { name: 'inbox', label: 'Approval inbox', path: '/inbox', icon: <InboxOutlined />, order: 15 },
    {
      name: 'approval-policies',
      label: 'Approval policies',
      path: '/approval-policies',
      icon: <SafetyCertificateOutlined />,
      order: 16,
    },
  ],
  // an agent's record and earned autonomy, on its page and its card
  agentPanels: [
    {
      key: 'autonomy',
      order: 50,
      component: lazy(() => import('./agent_autonomy').then((m) => ({ default: m.AutonomyPanel }))),
    },
  ],
  agentCardLines: [
    {
      key: 'autonomy',
      order: 50,
      component: lazy(() =>
        import('./agent_autonomy').then((m) => ({ default: m.AutonomyCardLine }))
      ),
    },
  ],
  // a card may link to a draft; the board says where it stands (approved, rejected, ...)
  taskLinks: [
    {
      kind: 'draft',
      label: 'Draft',
      resource: 'drafts',
      detailField: 'status',
      pickerLabel: 'draft_type',
      order: 20,
    },
  ],
  overview: [
    {
      key: 'drafts_waiting',
      order: 10,
      span: 8,
      component: lazy(() => import('./overview').then((m) => ({ default: m.WaitingCard }))),
    },
    {
      key: 'drafts_decisions',
      order: 30,
      span: 12,
      component: lazy(() => import('./overview').then((m) => ({ default: m.DecisionsCard }))),
    },
  ],
  access: {
    'drafts': {
      create: DraftPermission.Write,
      /** a new version */
      edit: DraftPermission.Write,
      submit: DraftPermission.Write,
      /** approve, approve with notes, request changes, reject, edit inline and approve */
      decide: DraftPermission.Decide,
    },
    /** everyone who reads drafts reads the policies; admins set them */
    'approval-policies': {
      create: DraftPermission.ManageAutonomy,
      edit: DraftPermission.ManageAutonomy,
      delete: DraftPermission.ManageAutonomy,
    },
    /** revoke and restore an agent's autonomy */
    'autonomy': { manage: DraftPermission.ManageAutonomy },
  },
})
