import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * CSV imports of leads (actions/import_leads.ts):
 * - `lead_imports`: one row per import, written outside the import's own
 *   transaction while it runs (status, progress, a heartbeat), so anyone
 *   may poll it; its final counts are written in the import's transaction,
 *   with the leads, its event and its audit row.
 * - `lead_import_rejections`: the rows that were not imported, each with
 *   its reason and its cells as they were in the file (for the rejected-rows
 *   CSV); removed with their import.
 * - `lead_import_mappings`: each person's (or agent's) last choices of
 *   "CSV column -> lead field", by column header, preselected next time.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE TABLE lead_imports (
        id uuid PRIMARY KEY,
        actor_type text NOT NULL,
        actor_id uuid,
        file_name text NOT NULL,
        status text NOT NULL,
        headers jsonb NOT NULL DEFAULT '[]',
        mapping jsonb NOT NULL DEFAULT '{}',
        bytes_total bigint,
        bytes_received bigint NOT NULL DEFAULT 0,
        rows_total integer NOT NULL DEFAULT 0,
        imported integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        rejected_by_reason jsonb NOT NULL DEFAULT '{}',
        progress smallint NOT NULL DEFAULT 0,
        error text,
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT lead_imports_status_check
          CHECK (status IN ('loading', 'checking', 'inserting', 'done', 'failed')),
        CONSTRAINT lead_imports_progress_check CHECK (progress BETWEEN 0 AND 100)
      )`)
    this.schema.raw(
      'CREATE INDEX lead_imports_actor_created_index ON lead_imports (actor_id, created_at)'
    )
    this.schema.raw(`
      CREATE TABLE lead_import_rejections (
        import_id uuid NOT NULL REFERENCES lead_imports (id) ON DELETE CASCADE,
        row_no integer NOT NULL,
        reason text NOT NULL,
        message text NOT NULL,
        cells text[] NOT NULL,
        PRIMARY KEY (import_id, row_no)
      )`)
    this.schema.raw(`
      CREATE TABLE lead_import_mappings (
        actor_id uuid PRIMARY KEY,
        actor_type text NOT NULL,
        mapping jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`)
  }

  async down() {
    this.schema.raw('DROP TABLE IF EXISTS lead_import_mappings')
    this.schema.raw('DROP TABLE IF EXISTS lead_import_rejections')
    this.schema.raw('DROP TABLE IF EXISTS lead_imports')
  }
}
