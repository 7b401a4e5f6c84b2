import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Decisions made by an approval policy, and approvals that are one of two.
 * An auto-approval is an approval like any other, by the system: no admin
 * (`decided_by` null, `auto` true), with the policy applied and the
 * evidence it saw. In a kind that needs two admins, the first approval is
 * `approval_count` 1 of `approvals_required` 2 and leaves the draft waiting.
 */
export default class extends BaseSchema {
  protected tableName = 'approvals'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.setNullable('decided_by')
      table.boolean('auto').notNullable().defaultTo(false)
      table.jsonb('policy').nullable()
      table.jsonb('evidence').nullable()
      table.smallint('approval_count').nullable()
      table.smallint('approvals_required').nullable()
      table.index(['auto', 'decided_at'])
    })
    this.schema.raw(`
      ALTER TABLE approvals
        ADD CONSTRAINT approvals_decider CHECK (
          (auto AND decided_by IS NULL AND policy IS NOT NULL AND evidence IS NOT NULL)
          OR (NOT auto AND decided_by IS NOT NULL)
        ),
        ADD CONSTRAINT approvals_count CHECK (
          (approval_count IS NULL AND approvals_required IS NULL)
          OR (approval_count >= 1 AND approval_count <= approvals_required)
        )
    `)
  }

  async down() {
    this.schema.raw('ALTER TABLE approvals DROP CONSTRAINT approvals_decider')
    this.schema.raw('ALTER TABLE approvals DROP CONSTRAINT approvals_count')
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['auto', 'decided_at'])
      table.dropColumn('auto')
      table.dropColumn('policy')
      table.dropColumn('evidence')
      table.dropColumn('approval_count')
      table.dropColumn('approvals_required')
      table.dropNullable('decided_by')
    })
  }
}
