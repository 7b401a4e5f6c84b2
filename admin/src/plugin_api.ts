import type { ComponentType, LazyExoticComponent, ReactNode } from 'react'
import type { ResourceProps } from '@refinedev/core'

/*
| What a plugin's admin screens declare. The admin finds every
| `plugins/<name>/admin/index.tsx` at build time and mounts what its
| default export lists; removing the folder removes the screens and their
| menu entries. Keep index.tsx light: screens are `lazy(() => import(...))`,
| so each loads only when opened.
|
|   export default defineAdminPlugin({
|     name: 'leads',
|     resources: [{ name: 'leads', list: { path: '/leads', component: lazy(() => import('./list')) }, ... }],
|     routes: [{ path: '/leads/pipeline', component: lazy(() => import('./pipeline')) }],
|     menu: [{ name: 'pipeline', label: 'Pipeline', path: '/leads/pipeline' }],
|     access: { leads: { create: 'leads.write', delete: 'leads.delete' } },
|   })
*/

/** A screen: any component without props, usually `lazy(() => import('./list'))`. */
export type Screen = ComponentType | LazyExoticComponent<ComponentType>

/** A path (React Router syntax, `/leads/show/:id`) and the screen it shows. */
export interface ScreenRoute {
  path: string
  component: Screen
}

type CrudAction = 'list' | 'show' | 'create' | 'edit'

/** A record of a list, as the API returns it. */
export type ApiRecord = Record<string, unknown> & { id?: unknown }

/**
 * How the command palette (Ctrl/Cmd+K) finds the resource's records: it
 * asks the list's free-text search (`q`) and opens a found record's `show`
 * screen. Only for people who may read the list.
 */
export interface PaletteSearch {
  /** The record's name in the results (`business_name`). */
  title: (record: ApiRecord) => string
  /** A short second line (a website, a status). */
  detail?: (record: ApiRecord) => string | null | undefined
}

/**
 * A Refine resource (name = the API path under /api) whose CRUD screens
 * come with their routes. `meta.label`, `meta.icon` and `meta.order` place
 * it in the menu (no `list`, or `meta.hide`: not in the menu).
 */
export interface AdminResource extends Omit<ResourceProps, CrudAction> {
  list?: ScreenRoute
  show?: ScreenRoute
  create?: ScreenRoute
  edit?: ScreenRoute
  /** Its records in the command palette (needs a `show` screen). */
  palette?: PaletteSearch
}

/** A menu entry for a page that is not a resource's list (an inbox, a board). */
export interface AdminMenuEntry {
  /** Unique; also the resource name access rules use for it (action `list`). */
  name: string
  label: string
  path: string
  icon?: ReactNode
  /** Smaller first; the host's entries use 0-100 in tens. */
  order?: number
  /** Nest under another entry or resource by name. */
  parent?: string
}

/**
 * A kind of the plugin's records a card may link to: the admin side of the
 * server plugin's `taskLinks`. The board, the tasks list, a task's page and
 * its form show the link from this; the host names no plugin.
 */
export interface AdminTaskLink {
  /** The kind the server plugin declares (`invoice`): the task's field is `linked_<kind>_id`. */
  kind: string
  /** What a person calls it (`Invoice`). */
  label: string
  /** The resource with the record's screens (`invoices`: /invoices/show/:id) and its picker's list. */
  resource: string
  /** The record's field that names it (`number`); without one, the link shows a short id. */
  nameField?: string
  /** A field shown after the link on a board card (`status`). */
  detailField?: string
  /** What the form's picker searches and shows, when not `nameField`. */
  pickerLabel?: string
  /** Smaller first, where a card shows several links (100 by default). */
  order?: number
}

/**
 * A card of the home page's overview. Its numbers come from the one
 * GET /api/summary request the Home makes (`useSummaryPart(plugin)` in
 * components/overview_card.tsx reads the plugin's part, which its server
 * side's `summary` hook contributes); `tick` changes each minute.
 */
export interface OverviewCard {
  key: string
  /** Smaller first; the host's agent activity is 40. */
  order?: number
  /** Width on a desktop, in 24ths of the row (12 by default; a phone gets the whole row). */
  span?: number
  component: ComponentType<{ tick: number }> | LazyExoticComponent<ComponentType<{ tick: number }>>
}

/** What an agent's panel or card line is given: the agent it is about. */
export interface AgentViewProps {
  agentId: string
  agentType: string
}

type AgentView = ComponentType<AgentViewProps> | LazyExoticComponent<ComponentType<AgentViewProps>>

/** A panel on an agent's page (below its details), or a line on its card in the agents' grid. */
export interface AgentExtension {
  key: string
  /** Smaller first (100 by default). */
  order?: number
  component: AgentView
}

export interface AdminPlugin {
  /** The plugin's folder name. */
  name: string
  resources?: AdminResource[]
  /** Pages outside the CRUD routes, shown inside the signed-in layout. */
  routes?: ScreenRoute[]
  menu?: AdminMenuEntry[]
  /** Which permission (from /api/auth/me) each action needs; see providers/access_control. */
  access?: AccessRules
  /** Kinds of the plugin's records a card may link to. */
  taskLinks?: AdminTaskLink[]
  /** Cards the plugin adds to the home page's overview. */
  overview?: OverviewCard[]
  /** Panels the plugin adds to every agent's page. */
  agentPanels?: AgentExtension[]
  /** Short lines the plugin adds to every agent's card (keep each to one line: a grid shows many). */
  agentCardLines?: AgentExtension[]
}

export function defineAdminPlugin(plugin: AdminPlugin): AdminPlugin {
  return plugin
}

/* Access rules: the plugin contract owns their shape; providers/access_control.ts applies them. */

export interface RuleContext {
  /** The caller's permissions, from /api/auth/me. */
  permissions: ReadonlySet<string>
  /** What `can({ params })` was given (a record, a move's from/to, ...). */
  params?: Record<string, unknown>
}

/**
 * A permission name, a list of them (any one is enough), or a function for
 * rules that depend on the record: `true` when allowed, else the reason.
 */
export type AccessRule = string | readonly string[] | ((context: RuleContext) => true | string)

/** resource name → action (`list`, `show`, `create`, `edit`, `delete`, or a custom one) → rule. */
export type AccessRules = Record<string, Record<string, AccessRule>>
