import { BaseCommand } from '@adonisjs/core/ace'
import { readFile, writeFile } from 'node:fs/promises'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export const START = '<!-- role-table:start -->'
export const END = '<!-- role-table:end -->'

/** Rewrites the role table in docs/PERMISSIONS.md from the one in code. */
export default class DocsPermissions extends BaseCommand {
  static commandName = 'docs:permissions'
  static description =
    'Regenerate the role table in docs/PERMISSIONS.md from backend/policies/permissions.ts'
  static options: CommandOptions = { startApp: false }

  async run() {
    const { renderRoleTable } = await import('#policies/permissions')
    const file = this.app.makePath('docs/PERMISSIONS.md')
    const text = await readFile(file, 'utf8')
    const start = text.indexOf(START)
    const end = text.indexOf(END)
    if (start < 0 || end < start) {
      this.logger.error(`docs/PERMISSIONS.md has no ${START} ... ${END} markers`)
      this.exitCode = 1
      return
    }
    const updated = `${text.slice(0, start + START.length)}\n${renderRoleTable()}\n${text.slice(end)}`
    await writeFile(file, updated)
    this.logger.success('docs/PERMISSIONS.md updated')
  }
}
