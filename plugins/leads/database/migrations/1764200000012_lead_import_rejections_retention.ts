import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The rejected rows of an import are kept LEAD_IMPORT_REJECTED_ROWS_DAYS
| (30) after it finished, then removed by the web server's sweep
| (services/lead_imports.ts, removeExpiredRejections): a million refused
| rows do not stay in the database for good. The import keeps its counts;
| `rejected_rows_removed_at` says when its rows went.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.raw('ALTER TABLE lead_imports ADD COLUMN rejected_rows_removed_at timestamptz')
    this.schema.raw(`
      CREATE INDEX lead_imports_rejections_kept_index ON lead_imports (finished_at)
      WHERE status = 'done' AND rejected > 0 AND rejected_rows_removed_at IS NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS lead_imports_rejections_kept_index')
    this.schema.raw('ALTER TABLE lead_imports DROP COLUMN IF EXISTS rejected_rows_removed_at')
  }
}
