import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Retention (docs/HISTORY.md): writes every month partition of task_events
 * and audit_log before --before to gzip JSON Lines with a manifest, reads
 * each file back against the table, then detaches and drops the verified
 * partitions, recorded as one `system.history_archived` change. Exits 1 when
 * a partition's archive did not verify (that partition is kept).
 */
export default class HistoryArchive extends BaseCommand {
  static commandName = 'history:archive'
  static description = 'Archive the history partitions before a month to JSON Lines, then drop them'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'YYYY-MM: archive every month before this one', required: true })
  declare before: string

  @flags.string({
    description: 'Folder of the archive files and manifest.json (default storage/history-archive)',
  })
  declare folder?: string

  async run() {
    const { archiveHistory, parseMonth } = await import('#services/history_archive')
    try {
      parseMonth(this.before)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
      return
    }
    const result = await archiveHistory({
      before: this.before,
      folder: this.folder,
      log: (line) => this.logger.info(line),
    })
    if (result.archived.length === 0 && result.refused.length === 0) {
      this.logger.info(`Nothing to archive before ${this.before}`)
      return
    }
    if (result.archived.length > 0) {
      const rows = result.archived.reduce((sum, entry) => sum + entry.rows, 0)
      this.logger.success(
        `Archived and dropped ${result.archived.length} partitions (${rows} rows); manifest: ${result.manifest}`
      )
    }
    for (const { partition, reason } of result.refused) {
      this.logger.error(`${partition} was NOT dropped: its archive does not verify (${reason})`)
    }
    if (result.refused.length > 0) this.exitCode = 1
  }
}
