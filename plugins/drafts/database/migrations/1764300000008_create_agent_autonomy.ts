import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Each agent's autonomy state: where its record starts (a human correction
 * of an agent that held autonomy restarts it), and whether an admin revoked
 * it. No row: the record covers every decision, nothing is revoked.
 */
export default class extends BaseSchema {
  protected tableName = 'agent_autonomy'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('agent_id').primary().references('id').inTable('agents').onDelete('CASCADE')
      /* decisions after this moment make the record; null: all of them */
      table.timestamp('record_since', { useTz: true }).nullable()
      table.timestamp('demoted_at', { useTz: true }).nullable()
      /* the decision that demoted it: {approval_id, draft_id, action, decided_by} */
      table.jsonb('demoted_by').nullable()
      table.boolean('revoked').notNullable().defaultTo(false)
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.uuid('revoked_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.text('revoke_reason').nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['revoked_by'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
