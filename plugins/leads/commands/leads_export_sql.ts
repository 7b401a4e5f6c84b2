import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Prints the SELECT that `GET /api/leads/export.csv?<query>` streams, with
 * its values inlined exactly as the API does: for running the same export
 * with `psql \copy` (the bench compares the two), or for reading it.
 */
export default class LeadsExportSql extends BaseCommand {
  static commandName = 'leads:export-sql'
  static description = 'Print the SQL of the leads CSV export for a list query string'
  static options: CommandOptions = { startApp: true }

  @args.string({
    description: 'The query string of the export, e.g. "status=contacted&_sort=created_at"',
    required: false,
  })
  declare query?: string

  async run() {
    const { exportQuery } = await import('../services/lead_export.js')

    const qs: Record<string, string | string[]> = {}
    for (const [key, value] of new URLSearchParams(this.query ?? '')) {
      const seen = qs[key]
      qs[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
    }
    const { _start: _s, _end: _e, ...query } = qs
    try {
      console.log(exportQuery(query))
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
