import type { ResourceProps } from '@refinedev/core'
import type { AdminPlugin, ScreenRoute } from './plugin_api'
import { installAdminPlugins } from './registry'
import { registerAccessRules } from './providers/access_control'
import host from './screens'

/*
| Plugin discovery at build time: each plugins/<name>/admin/index.ts(x)
| default-exports defineAdminPlugin({...}). Vite inlines the list, so a
| removed folder is simply absent from the next build.
*/
const found = import.meta.glob<AdminPlugin>(
  ['../../plugins/*/admin/index.tsx', '../../plugins/*/admin/index.ts'],
  { eager: true, import: 'default' }
)

function folderOf(path: string) {
  return path.match(/plugins\/([^/]+)\/admin\//)?.[1] ?? path
}

/** The host's own screens first, then each plugin by folder name. */
export const adminPlugins: AdminPlugin[] = [
  host,
  ...Object.entries(found)
    .filter(([path, plugin]) => {
      if (plugin && typeof plugin === 'object' && typeof plugin.name === 'string') return true
      console.error(`${path} must default-export defineAdminPlugin({...})`)
      return false
    })
    .sort(([a], [b]) => folderOf(a).localeCompare(folderOf(b)))
    .map(([, plugin]) => plugin),
]
installAdminPlugins(adminPlugins)

const orderOf = (resource: ResourceProps) =>
  typeof resource.meta?.order === 'number' ? resource.meta.order : 100

function collect() {
  const resources: ResourceProps[] = []
  const routes: ScreenRoute[] = []
  for (const plugin of adminPlugins) {
    registerAccessRules(plugin.access)
    for (const { list, show, create, edit, ...rest } of plugin.resources ?? []) {
      resources.push({
        ...rest,
        list: list?.path,
        show: show?.path,
        create: create?.path,
        edit: edit?.path,
      })
      for (const route of [list, show, create, edit]) if (route) routes.push(route)
    }
    for (const entry of plugin.menu ?? []) {
      resources.push({
        name: entry.name,
        list: entry.path,
        meta: { label: entry.label, icon: entry.icon, order: entry.order, parent: entry.parent },
      })
    }
    routes.push(...(plugin.routes ?? []))
  }
  // Stable sort: equal orders keep host-then-plugins order.
  resources.sort((a, b) => orderOf(a) - orderOf(b))
  return { resources, routes }
}

export const { resources, routes } = collect()
