import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Board snapshots: the board as the full replay gives it at `at` (every task
| and agent record with the event that last showed it, deleted ones
| included), so that replay at a moment reads the nearest snapshot plus the
| events after it instead of the whole history (services/board_snapshots.ts).
| Derived from task_events only and written once: a statement-level trigger
| refuses UPDATE, DELETE and TRUNCATE whoever is connected, as on the
| history tables. Dropping the table stays possible, for migrations.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE TABLE board_snapshots (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        last_event_id bigint NOT NULL,
        board jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `)
    this.schema.raw(`CREATE INDEX board_snapshots_at ON board_snapshots (at DESC, id DESC)`)
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION mc_refuse_snapshot_rewrite() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'MC001', HINT = 'A board snapshot is derived from events and never changed.';
      END
      $$
    `)
    this.schema.raw(`
      CREATE TRIGGER board_snapshots_append_only
      BEFORE UPDATE OR DELETE OR TRUNCATE ON board_snapshots
      FOR EACH STATEMENT EXECUTE FUNCTION mc_refuse_snapshot_rewrite()
    `)
  }

  async down() {
    this.schema.raw('DROP TABLE IF EXISTS board_snapshots')
    this.schema.raw('DROP FUNCTION IF EXISTS mc_refuse_snapshot_rewrite()')
  }
}
