import type {
  AdminPlugin,
  AdminTaskLink,
  AgentExtension,
  OverviewCard,
  PaletteSearch,
} from './plugin_api'

/*
| What the installed admin plugins declare, for the screens to ask: is a
| resource installed, which kinds of record may a card link to, which cards
| does the home page show. plugins.ts fills it once, at start, with the
| host's screens and the plugins found at build time; screens import this
| module, never plugins.ts (which imports the screens).
*/

let plugins: readonly AdminPlugin[] = []
/* the plugins the server runs (GET /api/auth/me `plugins`); null until known */
let onServer: ReadonlySet<string> | null = null

/** The host's screens first, then each plugin's (plugins.ts, once). */
export function installAdminPlugins(list: readonly AdminPlugin[]) {
  plugins = list
}

/**
 * The plugins the server runs: a plugin whose screens this build holds but
 * which the server does not run (PLUGINS) shows nothing, not screens that 404.
 */
export function setServerPlugins(names: readonly string[] | undefined) {
  onServer = names ? new Set(names) : null
}

const runs = (plugin: AdminPlugin) =>
  plugin.name === 'host' || onServer === null || onServer.has(plugin.name)

/** The host's screens and those of the plugins the server runs. */
export function installed(): readonly AdminPlugin[] {
  return plugins.filter(runs)
}

/** Whether a resource or menu entry is a screen of a plugin the server does not run. */
export function isDisabledOnServer(resource: string): boolean {
  const owner = plugins.find(
    (plugin) =>
      plugin.resources?.some((entry) => entry.name === resource) ||
      plugin.menu?.some((entry) => entry.name === resource)
  )
  return owner !== undefined && !runs(owner)
}

/** Whether a plugin's screens are installed: for links to a plugin's records from elsewhere. */
export function hasPlugin(name: string) {
  return installed().some((plugin) => plugin.name === name)
}

/** Whether a resource (an API path under /api) has screens, so links to it work. */
export function hasResource(name: string) {
  return installed().some((plugin) => plugin.resources?.some((resource) => resource.name === name))
}

/** The kinds of record a card may link to, of the plugins whose screens are installed. */
export function taskLinks(): AdminTaskLink[] {
  return installed()
    .flatMap((plugin) => plugin.taskLinks ?? [])
    .filter((link) => hasResource(link.resource))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
}

/** The home page's overview cards, of the host and every plugin, in order. */
export function overviewCards(): OverviewCard[] {
  return installed()
    .flatMap((plugin) => plugin.overview ?? [])
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
}

const byOrder = (a: { order?: number }, b: { order?: number }) =>
  (a.order ?? 100) - (b.order ?? 100)

/** The panels installed plugins add to an agent's page, in order. */
export function agentPanels(): AgentExtension[] {
  return installed()
    .flatMap((plugin) => plugin.agentPanels ?? [])
    .sort(byOrder)
}

/** The lines installed plugins add to an agent's card, in order. */
export function agentCardLines(): AgentExtension[] {
  return installed()
    .flatMap((plugin) => plugin.agentCardLines ?? [])
    .sort(byOrder)
}

/** The plugins' resources with screens (the audit list's filter offers them beside the host's). */
export function pluginResourceNames(): string[] {
  return installed()
    .filter((plugin) => plugin.name !== 'host')
    .flatMap((plugin) => (plugin.resources ?? []).map((resource) => resource.name))
}

/** A resource whose records the command palette searches, and where a record's screen is. */
export interface PaletteResource extends PaletteSearch {
  resource: string
  label: string
  /** The `show` route, `:id` replaced by the record's id. */
  showPath: string
}

/** The resources of the installed plugins (and the host) that the palette searches, in menu order. */
export function paletteResources(): PaletteResource[] {
  return installed()
    .flatMap((plugin) => plugin.resources ?? [])
    .filter((resource) => resource.palette && resource.show)
    .sort(
      (a, b) =>
        ((a.meta?.order as number | undefined) ?? 100) -
        ((b.meta?.order as number | undefined) ?? 100)
    )
    .map((resource) => ({
      ...resource.palette!,
      resource: resource.name,
      label: String(resource.meta?.label ?? resource.name),
      showPath: resource.show!.path,
    }))
}
