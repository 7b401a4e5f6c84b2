import { lazy } from 'react'
import {
  AppstoreOutlined,
  AuditOutlined,
  FieldTimeOutlined,
  HistoryOutlined,
  DashboardOutlined,
  ProjectOutlined,
  RobotOutlined,
  TeamOutlined,
  ApiOutlined,
  BellOutlined,
  DollarOutlined,
  StarOutlined,
} from '@ant-design/icons'
import { defineAdminPlugin } from './plugin_api'
import { Permission } from './lib/permissions'
import { COLUMN_LABELS, moveRefusal, type TaskColumn } from './lib/tasks'
import { preloadable } from './lib/preloadable'
import { Loading } from './components/states'

/** The screens the app's start loads ahead when the address is theirs (src/early.ts). */
export const HomeScreen = preloadable(
  () => import('./pages/home'),
  () => <Loading />
)
export const BoardScreen = preloadable(
  () => import('./pages/board'),
  () => <Loading />
)

/*
| The host's own screens, declared like a plugin's (plugin_api.ts). Menu
| order: home 0, board 10, inbox 15, tasks 20, agents 30, budgets 35, feed 40, leads 50,
| drafts 60, replay 80, audit 90, users 95, webhooks 96, notifications 97, saved views 98.
*/
export default defineAdminPlugin({
  name: 'host',
  resources: [
    {
      name: 'home',
      list: { path: '/', component: HomeScreen },
      meta: { label: 'Home', icon: <DashboardOutlined />, order: 0 },
    },
    {
      name: 'tasks',
      list: { path: '/tasks', component: lazy(() => import('./pages/tasks/list')) },
      show: { path: '/tasks/show/:id', component: lazy(() => import('./pages/tasks/show')) },
      create: { path: '/tasks/create', component: lazy(() => import('./pages/tasks/create')) },
      edit: { path: '/tasks/edit/:id', component: lazy(() => import('./pages/tasks/edit')) },
      meta: { label: 'Tasks', icon: <ProjectOutlined />, order: 20, canDelete: true },
      palette: {
        title: (task) => String(task.title ?? ''),
        detail: (task) => COLUMN_LABELS[task.column as TaskColumn] ?? null,
      },
    },
    {
      name: 'agents',
      list: { path: '/agents', component: lazy(() => import('./pages/agents/cards')) },
      show: { path: '/agents/show/:id', component: lazy(() => import('./pages/agents/show')) },
      create: { path: '/agents/create', component: lazy(() => import('./pages/agents/create')) },
      meta: { label: 'Agents', icon: <RobotOutlined />, order: 30 },
      palette: {
        title: (agent) => String(agent.name ?? ''),
        detail: (agent) => `${String(agent.type)} · ${String(agent.status)}`,
      },
    },
    {
      name: 'budgets',
      list: { path: '/budgets', component: lazy(() => import('./pages/budgets/list')) },
      meta: { label: 'Budgets', icon: <DollarOutlined />, order: 35 },
    },
    {
      name: 'audit',
      list: { path: '/audit', component: lazy(() => import('./pages/audit/list')) },
      show: { path: '/audit/show/:id', component: lazy(() => import('./pages/audit/show')) },
      meta: { label: 'Audit log', icon: <AuditOutlined />, order: 90 },
    },
    {
      name: 'users',
      list: { path: '/users', component: lazy(() => import('./pages/users/list')) },
      create: { path: '/users/create', component: lazy(() => import('./pages/users/create')) },
      edit: { path: '/users/edit/:id', component: lazy(() => import('./pages/users/edit')) },
      meta: { label: 'Users', icon: <TeamOutlined />, order: 95 },
    },
    {
      name: 'webhooks',
      list: { path: '/webhooks', component: lazy(() => import('./pages/webhooks/list')) },
      show: { path: '/webhooks/show/:id', component: lazy(() => import('./pages/webhooks/show')) },
      create: {
        path: '/webhooks/create',
        component: lazy(() => import('./pages/webhooks/create')),
      },
      edit: { path: '/webhooks/edit/:id', component: lazy(() => import('./pages/webhooks/edit')) },
      meta: { label: 'Webhooks', icon: <ApiOutlined />, order: 96, canDelete: true },
    },
    {
      // the API's path; the screens are at /views (a person's own and the team's)
      name: 'saved-views',
      list: { path: '/views', component: lazy(() => import('./pages/views/list')) },
      show: { path: '/views/open/:id', component: lazy(() => import('./pages/views/open')) },
      meta: { label: 'Saved views', icon: <StarOutlined />, order: 98 },
      palette: {
        title: (view) => String(view.name ?? ''),
        detail: (view) => `Saved view of ${String(view.resource)}`,
      },
    },
  ],
  routes: [
    { path: '/board', component: BoardScreen },
    { path: '/feed', component: lazy(() => import('./pages/feed')) },
    { path: '/replay', component: lazy(() => import('./pages/replay')) },
    { path: '/notifications', component: lazy(() => import('./pages/notifications')) },
  ],
  menu: [
    { name: 'board', label: 'Board', path: '/board', icon: <AppstoreOutlined />, order: 10 },
    { name: 'feed', label: 'Feed', path: '/feed', icon: <FieldTimeOutlined />, order: 40 },
    { name: 'replay', label: 'Replay', path: '/replay', icon: <HistoryOutlined />, order: 80 },
    {
      name: 'notifications',
      label: 'Notifications',
      path: '/notifications',
      icon: <BellOutlined />,
      order: 97,
    },
  ],
  overview: [
    {
      key: 'activity',
      order: 25,
      span: 24,
      component: lazy(() => import('./pages/home/activity')),
    },
    {
      key: 'spend',
      order: 35,
      span: 12,
      component: lazy(() => import('./pages/home/spend')),
    },
    {
      key: 'agent_activity',
      order: 40,
      span: 12,
      component: lazy(() => import('./pages/home/agent_activity')),
    },
  ],
  access: {
    tasks: {
      create: Permission.WriteTasks,
      edit: Permission.WriteTasks,
      delete: Permission.FinishTasks,
      /** can({ resource: 'tasks', action: 'move', params: { from, to } }) */
      move: ({ permissions, params }) =>
        !params?.to
          ? true
          : (moveRefusal(
              (params.from as TaskColumn | null | undefined) ?? null,
              params.to as TaskColumn,
              permissions
            ) ?? true),
    },
    agents: {
      create: Permission.ControlAgents,
      /** pause, resume, kill, and the global pause */
      control: Permission.ControlAgents,
      tokens: Permission.ManageAgentTokens,
      rate_limits: Permission.ManageRateLimits,
    },
    events: { create: Permission.EmitEvents },
    budgets: {
      create: Permission.ManageBudgets,
      edit: Permission.ManageBudgets,
      delete: Permission.ManageBudgets,
    },
    audit: { list: Permission.ReadAudit, show: Permission.ReadAudit },
    webhooks: {
      list: Permission.ManageWebhooks,
      show: Permission.ManageWebhooks,
      create: Permission.ManageWebhooks,
      edit: Permission.ManageWebhooks,
      delete: Permission.ManageWebhooks,
    },
    users: {
      list: Permission.ReadUsers,
      show: Permission.ReadUsers,
      create: Permission.ManageUsers,
      edit: Permission.ManageUsers,
    },
  },
})
