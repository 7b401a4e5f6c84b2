import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'system_controls'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.text('key').primary()
      table.jsonb('value').notNullable()
      /* A user, or null when the system itself set it. */
      table.uuid('updated_by').nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.defer(async (db) => {
      await db.table(this.tableName).insert({
        key: 'global_pause',
        value: JSON.stringify({ paused: false, reason: null }),
      })
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
