import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Which version each decision was made on (the version the admin read), so
 * the feedback an agent reads names it, and an inline edit can be shown as
 * a diff against the agent's own text. Decisions made before this column
 * existed keep null.
 */
export default class extends BaseSchema {
  protected tableName = 'approvals'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('version').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('version')
    })
  }
}
