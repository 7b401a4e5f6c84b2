/**
 * Finds the enabled plugins under `plugins/` and orders them by `dependsOn`.
 * Runs while configuration loads (config/database.ts needs the migration
 * folders), so it depends on nothing but the file system.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { APP_ROOT } from '../runtime/prepare.js'
import { isDefinedPlugin, type DefinedPlugin } from './define_plugin.js'
import { PluginError } from './plugin_error.js'

export interface LoadedPlugin {
  /** Folder name under the plugins root. */
  folder: string
  /** Absolute path of the folder. */
  path: string
  definition: DefinedPlugin
}

export interface DiscoveryOptions {
  /** Folder that holds the plugins (default: <app>/plugins). */
  root?: string
  /** Enabled folders; undefined = every folder. Comes from the PLUGINS setting. */
  enabled?: string[]
}

/** `PLUGINS`: unset, empty or `*` enables every folder; `none` enables none. */
export function enabledFromEnv(value = process.env.PLUGINS): string[] | undefined {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return undefined
  if (value.trim() === 'none') return []
  return value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
}

function entryFile(folder: string) {
  for (const file of ['plugin.ts', 'plugin.js']) {
    if (existsSync(join(folder, file))) return join(folder, file)
  }
  return null
}

export async function discoverPlugins(options: DiscoveryOptions = {}): Promise<LoadedPlugin[]> {
  const root = options.root ?? join(APP_ROOT, 'plugins')
  if (!existsSync(root)) return []

  const folders = readdirSync(root)
    .filter((name) => !name.startsWith('.') && statSync(join(root, name)).isDirectory())
    .sort()

  const enabled = options.enabled
  if (enabled) {
    for (const name of enabled) {
      if (!folders.includes(name) || !entryFile(join(root, name))) {
        throw new PluginError(
          name,
          'load',
          `PLUGINS lists it but plugins/${name}/plugin.ts does not exist`
        )
      }
    }
  }

  const loaded: LoadedPlugin[] = []
  for (const folder of folders) {
    if (enabled && !enabled.includes(folder)) continue
    const path = join(root, folder)
    const file = entryFile(path)
    if (!file) continue

    let exported: unknown
    try {
      exported = (await import(pathToFileURL(file).href)).default
    } catch (error) {
      throw new PluginError(folder, 'load', error)
    }
    if (!isDefinedPlugin(exported)) {
      throw new PluginError(folder, 'load', 'plugin.ts must default-export definePlugin({...})')
    }
    if (exported.name !== folder) {
      throw new PluginError(folder, 'load', `its name "${exported.name}" differs from its folder`)
    }
    loaded.push({ folder, path, definition: exported })
  }
  return orderByDependencies(loaded)
}

/** Dependencies first; a missing or circular dependency names the plugin. */
export function orderByDependencies(plugins: LoadedPlugin[]): LoadedPlugin[] {
  const byName = new Map(plugins.map((plugin) => [plugin.definition.name, plugin]))
  const ordered: LoadedPlugin[] = []
  const state = new Map<string, 'visiting' | 'done'>()

  const visit = (plugin: LoadedPlugin, chain: string[]) => {
    const name = plugin.definition.name
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') {
      throw new PluginError(name, 'load', `circular dependency ${[...chain, name].join(' -> ')}`)
    }
    state.set(name, 'visiting')
    for (const dependency of plugin.definition.dependsOn ?? []) {
      const target = byName.get(dependency)
      if (!target) {
        throw new PluginError(name, 'load', `it depends on "${dependency}", which is not enabled`)
      }
      visit(target, [...chain, name])
    }
    state.set(name, 'done')
    ordered.push(plugin)
  }
  for (const plugin of plugins) visit(plugin, [])
  return ordered
}

let enabledPlugins: Promise<LoadedPlugin[]> | undefined

/** The enabled plugins of this process, discovered once. */
export function loadEnabledPlugins() {
  enabledPlugins ??= discoverPlugins({ enabled: enabledFromEnv() })
  return enabledPlugins
}

/** Migration folders of the enabled plugins, relative to the app root, in dependency order. */
export async function pluginMigrationPaths(): Promise<string[]> {
  const plugins = await loadEnabledPlugins()
  return plugins
    .map((plugin) => join(plugin.path, 'database', 'migrations'))
    .filter((folder) => existsSync(folder))
    .map((folder) => `./${relative(APP_ROOT, folder)}`)
}
