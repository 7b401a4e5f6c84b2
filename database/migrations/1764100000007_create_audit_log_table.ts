import { BaseSchema } from '@adonisjs/lucid/schema'
import { ACTOR_TYPES } from '../../backend/enums/actor_type.js'

export default class extends BaseSchema {
  protected tableName = 'audit_log'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.enum('actor_type', ACTOR_TYPES).notNullable()
      table.uuid('actor_id').nullable()
      table.text('action').notNullable()
      table.text('resource_type').notNullable()
      table.text('resource_id').notNullable()
      table.jsonb('before_state').nullable()
      table.jsonb('after_state').nullable()
      table.jsonb('metadata').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())

      table.index(['actor_type', 'actor_id'])
      table.index(['action'])
      table.index(['resource_type', 'resource_id'])
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
