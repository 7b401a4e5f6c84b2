import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Prints the SELECT that GET /api/audit/export.csv (or .jsonl) runs for a
 * query string, on one line: what `psql \copy` needs to export the same
 * rows (the bench compares the two).
 */
export default class AuditExportSql extends BaseCommand {
  static commandName = 'audit:export-sql'
  static description = "Print the audit export's SELECT for a query string (for psql \\copy)"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The query string, e.g. "action=task.moved"', required: false })
  declare query?: string

  @flags.boolean({ description: 'The JSON Lines export instead of the CSV one' })
  declare jsonl?: boolean

  async run() {
    const { AUDIT_LIST } = await import('#controllers/audit_controller')
    const { auditExportSelect } = await import('#services/audit_export')
    const { parseListQuery } = await import('#services/list_query')
    const qs = Object.fromEntries(new URLSearchParams(this.query ?? ''))
    const parsed = parseListQuery(qs, AUDIT_LIST)
    console.log(auditExportSelect(parsed, AUDIT_LIST, this.jsonl ? 'jsonl' : 'csv'))
  }
}
