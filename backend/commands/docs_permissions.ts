import { BaseCommand } from '@adonisjs/core/ace'
import { readFile, writeFile } from 'node:fs/promises'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export const START = '<!-- role-table:start -->'
export const END = '<!-- role-table:end -->'

/**
 * The role table of the product as shipped: the host's permissions, then
 * those of every plugin folder (whatever PLUGINS enables here), in the
 * plugins' load order.
 */
export async function shippedRoleTable() {
  const { createRoleTable } = await import('#policies/permissions')
  const { discoverPlugins } = await import('#plugin_host/discovery')
  const table = createRoleTable()
  for (const { definition } of await discoverPlugins()) {
    table.define(definition.name, definition.permissions ?? [])
  }
  return table
}

/** Rewrites the role table in docs/PERMISSIONS.md from the host's and the plugins' declarations. */
export default class DocsPermissions extends BaseCommand {
  static commandName = 'docs:permissions'
  static description =
    "Regenerate the role table in docs/PERMISSIONS.md from the host's and the plugins' permissions"
  static options: CommandOptions = { startApp: false }

  async run() {
    const file = this.app.makePath('docs/PERMISSIONS.md')
    const text = await readFile(file, 'utf8')
    const start = text.indexOf(START)
    const end = text.indexOf(END)
    if (start < 0 || end < start) {
      this.logger.error(`docs/PERMISSIONS.md has no ${START} ... ${END} markers`)
      this.exitCode = 1
      return
    }
    const table = (await shippedRoleTable()).render()
    await writeFile(file, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`)
    this.logger.success('docs/PERMISSIONS.md updated')
  }
}
