import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Brings an archive of history:archive back for an investigation, into the
 * `history_restore` schema (never into the live tables: replay, feeds and
 * webhooks do not see it). docs/HISTORY.md.
 */
export default class HistoryRestore extends BaseCommand {
  static commandName = 'history:restore'
  static description =
    'Load an archive (manifest.json or its folder) into the history_restore schema'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The manifest.json of an archive, or its folder' })
  declare source: string

  async run() {
    const { restoreHistory } = await import('#services/history_archive')
    try {
      const result = await restoreHistory(this.source, { log: (line) => this.logger.info(line) })
      for (const { file, reason } of result.skipped) this.logger.warning(`${file}: ${reason}`)
      const rows = result.restored.reduce((sum, entry) => sum + entry.rows, 0)
      this.logger.success(
        `Restored ${result.restored.length} files (${rows} rows) into the ${result.schema} schema`
      )
      if (result.skipped.some(({ reason }) => reason !== 'already restored')) this.exitCode = 1
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
