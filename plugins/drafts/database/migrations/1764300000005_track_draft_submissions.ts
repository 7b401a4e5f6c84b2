import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * When a draft entered the approval queue (its waiting time and SLA), and
 * when its overdue event was sent for that stay in the queue (once each).
 */
export default class extends BaseSchema {
  protected tableName = 'drafts'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.timestamp('submitted_at', { useTz: true }).nullable()
      table.timestamp('overdue_notified_at', { useTz: true }).nullable()
      table.index(['status', 'submitted_at'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['status', 'submitted_at'])
      table.dropColumn('submitted_at')
      table.dropColumn('overdue_notified_at')
    })
  }
}
