import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| What a person chose for the admin and wants on every device they sign in
| from (docs/API.md, "Preferences"): for now the colour theme. No row: the
| defaults (the theme follows the device).
*/
export default class extends BaseSchema {
  protected tableName = 'user_preferences'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.text('theme').notNullable().defaultTo('system')
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE user_preferences
        ADD CONSTRAINT user_preferences_theme CHECK (theme IN ('system', 'light', 'dark'))
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
