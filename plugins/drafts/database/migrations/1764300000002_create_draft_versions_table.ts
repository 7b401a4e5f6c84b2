import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'draft_versions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('draft_id').notNullable().references('id').inTable('drafts').onDelete('CASCADE')
      table.integer('version_number').notNullable()
      table.text('content').notNullable()
      table.text('change_note').nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())

      table.unique(['draft_id', 'version_number'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
