import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| audit_log and task_events are append-only in the database itself: a
| statement-level trigger refuses UPDATE, DELETE and TRUNCATE whoever is
| connected, so history cannot be rewritten by the app, a script or psql.
| (Dropping the table remains possible for a schema owner, as it must for
| migrations to be reversible.)
*/
const TABLES = ['audit_log', 'task_events']

export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION mc_refuse_history_rewrite() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'MC001', HINT = 'History is written once and never changed.';
      END
      $$
    `)
    for (const table of TABLES) {
      this.schema.raw(`
        CREATE TRIGGER ${table}_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION mc_refuse_history_rewrite()
      `)
    }
  }

  async down() {
    for (const table of TABLES) {
      this.schema.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`)
    }
    this.schema.raw('DROP FUNCTION IF EXISTS mc_refuse_history_rewrite()')
  }
}
