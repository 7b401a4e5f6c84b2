import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Board snapshots compressed with lz4 rather than pglz: a replay reads and
| decompresses the nearest snapshot every time (a board of 2,000 cards:
| about 5 ms instead of 12). New snapshots only; the ones written before
| stay as they are (the table is append-only). A PostgreSQL built without
| lz4 keeps pglz.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      DO $$
      BEGIN
        ALTER TABLE board_snapshots ALTER COLUMN board SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
        RAISE NOTICE 'lz4 is not available: board snapshots stay compressed with pglz';
      END
      $$
    `)
  }

  async down() {
    this.schema.raw(`ALTER TABLE board_snapshots ALTER COLUMN board SET COMPRESSION pglz`)
  }
}
