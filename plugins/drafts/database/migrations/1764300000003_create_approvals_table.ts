import { BaseSchema } from '@adonisjs/lucid/schema'
import { APPROVAL_ACTIONS } from '../../enums.js'

export default class extends BaseSchema {
  protected tableName = 'approvals'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('draft_id').notNullable().references('id').inTable('drafts').onDelete('CASCADE')
      table.enum('action', APPROVAL_ACTIONS).notNullable()
      table.text('notes').nullable()
      table.text('editor_content').nullable()
      table.uuid('decided_by').notNullable().references('id').inTable('users')
      table.timestamp('decided_at', { useTz: true }).notNullable().defaultTo(this.now())

      table.index(['draft_id', 'decided_at'])
      table.index(['decided_by'])
      table.index(['action'])
      table.index(['decided_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
