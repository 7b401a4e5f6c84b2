import { BaseSchema } from '@adonisjs/lucid/schema'
import { LEAD_STATUSES } from '../../enums.js'

/**
 * `status` becomes a PostgreSQL enum declared in funnel order, so sorting
 * by status follows the funnel (new, enriched, ... booked, lost) instead of
 * the alphabet, and `status_gte=contacted` means "contacted or further".
 */
export default class extends BaseSchema {
  async up() {
    const values = LEAD_STATUSES.map((status) => `'${status}'`).join(', ')
    this.schema.raw('ALTER TABLE leads DROP CONSTRAINT IF EXISTS leads_status_check')
    this.schema.raw(`CREATE TYPE lead_status AS ENUM (${values})`)
    this.schema.raw('ALTER TABLE leads ALTER COLUMN status DROP DEFAULT')
    this.schema.raw(
      'ALTER TABLE leads ALTER COLUMN status TYPE lead_status USING status::lead_status'
    )
    this.schema.raw(`ALTER TABLE leads ALTER COLUMN status SET DEFAULT 'new'`)
  }

  async down() {
    const values = LEAD_STATUSES.map((status) => `'${status}'`).join(', ')
    this.schema.raw('ALTER TABLE leads ALTER COLUMN status DROP DEFAULT')
    this.schema.raw('ALTER TABLE leads ALTER COLUMN status TYPE text USING status::text')
    this.schema.raw(`ALTER TABLE leads ALTER COLUMN status SET DEFAULT 'new'`)
    this.schema.raw(
      `ALTER TABLE leads ADD CONSTRAINT leads_status_check CHECK (status IN (${values}))`
    )
    this.schema.raw('DROP TYPE lead_status')
  }
}
