import { lazy } from 'react'
import { ContactsOutlined, StopOutlined } from '@ant-design/icons'
import { defineAdminPlugin } from '@admin/plugin_api'
import { LeadPermission } from '../permissions.js'

/** The leads screens: a filterable list with CSV export, a record page and forms. */
export default defineAdminPlugin({
  name: 'leads',
  resources: [
    {
      name: 'leads',
      list: { path: '/leads', component: lazy(() => import('./list')) },
      show: { path: '/leads/show/:id', component: lazy(() => import('./show')) },
      create: { path: '/leads/create', component: lazy(() => import('./create')) },
      edit: { path: '/leads/edit/:id', component: lazy(() => import('./edit')) },
      meta: { label: 'Leads', icon: <ContactsOutlined />, order: 50, canDelete: true },
      // the command palette finds leads by name (the list's `q`)
      palette: {
        title: (lead) => String(lead.business_name ?? ''),
        detail: (lead) => [lead.website, lead.status].filter(Boolean).join(' · '),
      },
    },
    // the do-not-contact list: admins only (the menu entry follows the access rule below)
    {
      name: 'suppressions',
      list: { path: '/suppressions', component: lazy(() => import('./suppressions')) },
      meta: { label: 'Suppression list', icon: <StopOutlined />, order: 55, canDelete: true },
    },
  ],
  // the CSV import wizard, opened from the list ("Import CSV")
  routes: [{ path: '/leads/import', component: lazy(() => import('./import_wizard')) }],
  // a card may link to a lead, shown by its business name
  taskLinks: [
    { kind: 'lead', label: 'Lead', resource: 'leads', nameField: 'business_name', order: 10 },
  ],
  overview: [
    { key: 'leads_funnel', order: 20, span: 16, component: lazy(() => import('./overview')) },
  ],
  access: {
    leads: {
      create: LeadPermission.Write,
      // Closers may edit, but only the follow-up fields (the form shows only those).
      edit: [LeadPermission.Write, LeadPermission.WriteFollowUp],
      edit_all_fields: LeadPermission.Write,
      delete: LeadPermission.Delete,
      export: LeadPermission.Export,
      import: LeadPermission.Import,
    },
    suppressions: {
      list: LeadPermission.Suppress,
      create: LeadPermission.Suppress,
      delete: LeadPermission.Suppress,
    },
  },
})
