import { BaseSchema } from '@adonisjs/lucid/schema'
import { DRAFT_CHANNELS, POLICY_MODES } from '../../enums.js'

/**
 * Approval policies: per agent type and draft kind (channel; null for any
 * kind, a specific kind winning over it), always ask or auto-approve when
 * the agent's record meets the thresholds, and how many different admins
 * must approve. No row means always ask, one admin.
 */
export default class extends BaseSchema {
  protected tableName = 'approval_policies'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.text('agent_type').notNullable()
      table.enum('channel', DRAFT_CHANNELS).nullable()
      table.enum('mode', POLICY_MODES).notNullable().defaultTo('always_ask')
      table.integer('min_decided').notNullable().defaultTo(20)
      table.double('min_clean_rate').notNullable().defaultTo(0.9)
      table.integer('no_rejection_in_last').notNullable().defaultTo(10)
      table.smallint('required_approvals').notNullable().defaultTo(1)
      table.uuid('updated_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE approval_policies
        ADD CONSTRAINT approval_policies_min_decided CHECK (min_decided >= 1),
        ADD CONSTRAINT approval_policies_min_clean_rate CHECK (min_clean_rate >= 0 AND min_clean_rate <= 1),
        ADD CONSTRAINT approval_policies_no_rejection_in_last CHECK (no_rejection_in_last >= 0),
        ADD CONSTRAINT approval_policies_required_approvals CHECK (required_approvals IN (1, 2)),
        -- a kind that needs two admins is never approved by the system alone
        ADD CONSTRAINT approval_policies_two_admins_ask CHECK (mode = 'always_ask' OR required_approvals = 1)
    `)
    // one policy per agent type and kind, "any kind" (null) included
    this.schema.raw(
      `CREATE UNIQUE INDEX approval_policies_scope ON approval_policies (agent_type, (coalesce(channel, '*')))`
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
