import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| When a user's password last changed. A session remembers the value it
| was started under; a session started before the change is ended (the
| auth middleware), so a password change logs out every other browser.
*/
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.timestamp('password_changed_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('password_changed_at')
    })
  }
}
