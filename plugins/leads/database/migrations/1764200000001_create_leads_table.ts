import { BaseSchema } from '@adonisjs/lucid/schema'
import { LEAD_SCORES, LEAD_STATUSES } from '../../enums.js'

export default class extends BaseSchema {
  protected tableName = 'leads'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.text('business_name').notNullable()
      table.text('niche').notNullable()
      table.text('region').notNullable()
      table.text('website').notNullable()
      table.text('contact_name').nullable()
      table.text('contact_role').nullable()
      table.text('email').nullable()
      table.text('phone').nullable()
      table.text('source').notNullable()
      table.enum('lead_score', LEAD_SCORES).notNullable()
      table.enum('status', LEAD_STATUSES).notNullable().defaultTo('new')
      table.timestamp('last_action_at', { useTz: true }).nullable()
      table.text('next_step').nullable()
      /* personalization bullets: a JSON array of strings */
      table.jsonb('notes').notNullable().defaultTo('[]')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())

      table.index(['status', 'created_at'])
      table.index(['lead_score'])
      table.index(['niche'])
      table.index(['region'])
      table.index(['created_at'])
      table.index(['updated_at'])
      table.index(['last_action_at'])
      table.index(['business_name'])
    })
    this.schema.raw(
      `ALTER TABLE leads ADD CONSTRAINT leads_notes_is_array CHECK (jsonb_typeof(notes) = 'array')`
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
