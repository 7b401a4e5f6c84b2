import { BaseSchema } from '@adonisjs/lucid/schema'
import { DRAFT_CHANNELS, DRAFT_STATUSES } from '../../enums.js'

export default class extends BaseSchema {
  protected tableName = 'drafts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('lead_id').nullable().references('id').inTable('leads').onDelete('SET NULL')
      table.enum('channel', DRAFT_CHANNELS).notNullable()
      table.text('draft_type').notNullable()
      table.enum('status', DRAFT_STATUSES).notNullable().defaultTo('draft')
      table.integer('current_version').notNullable().defaultTo(1)
      table.uuid('approver_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      /* future use: nothing sends outreach in this product */
      table.timestamp('scheduled_send_at', { useTz: true }).nullable()
      /* a user or an agent */
      table.uuid('created_by').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())

      table.index(['status', 'updated_at'])
      table.index(['lead_id'])
      table.index(['channel'])
      table.index(['created_by'])
      table.index(['created_at'])
      table.index(['updated_at'])
    })
    this.schema.raw(
      'ALTER TABLE drafts ADD CONSTRAINT drafts_current_version_positive CHECK (current_version >= 1)'
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
