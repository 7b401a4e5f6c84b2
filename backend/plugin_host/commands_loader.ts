/**
 * An ace commands loader (listed in adonisrc.ts `commands`) for the commands
 * the enabled plugins declare in `plugin.ts`. Ace asks every loader for its
 * commands' metadata, then for the class of the one it runs; the host
 * never names a plugin's command itself.
 */
import type { BaseCommand } from '@adonisjs/core/ace'
import { loadEnabledPlugins } from './discovery.js'
import { PluginError } from './plugin_error.js'

let commands: Promise<Map<string, typeof BaseCommand>> | undefined

function pluginCommands() {
  commands ??= (async () => {
    const byName = new Map<string, typeof BaseCommand>()
    for (const { definition } of await loadEnabledPlugins()) {
      for (const load of definition.commands ?? []) {
        try {
          const { default: command } = await load()
          const owner = byName.get(command.commandName)
          if (owner) throw new Error(`command "${command.commandName}" is declared twice`)
          byName.set(command.commandName, command)
        } catch (error) {
          throw new PluginError(definition.name, 'load its commands', error)
        }
      }
    }
    return byName
  })()
  return commands
}

export async function getMetaData() {
  return [...(await pluginCommands()).values()].map((command) => command.serialize())
}

export async function getCommand(metaData: { commandName: string }) {
  return (await pluginCommands()).get(metaData.commandName) ?? null
}
