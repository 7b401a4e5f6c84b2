import type { AdminPlugin, AdminTaskLink, OverviewCard } from './plugin_api'

/*
| What the installed admin plugins declare, for the screens to ask: is a
| resource installed, which kinds of record may a card link to, which cards
| does the home page show. plugins.ts fills it once, at start, with the
| host's screens and the plugins found at build time; screens import this
| module, never plugins.ts (which imports the screens).
*/

let plugins: readonly AdminPlugin[] = []

/** The host's screens first, then each plugin's (plugins.ts, once). */
export function installAdminPlugins(list: readonly AdminPlugin[]) {
  plugins = list
}

export function installed(): readonly AdminPlugin[] {
  return plugins
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
}

/** The home page's overview cards, of the host and every plugin, in order. */
export function overviewCards(): OverviewCard[] {
  return installed()
    .flatMap((plugin) => plugin.overview ?? [])
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
}

/** The plugins' resources with screens (the audit list's filter offers them beside the host's). */
export function pluginResourceNames(): string[] {
  return installed()
    .filter((plugin) => plugin.name !== 'host')
    .flatMap((plugin) => (plugin.resources ?? []).map((resource) => resource.name))
}
