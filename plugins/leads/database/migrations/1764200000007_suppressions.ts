import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Suppression (do-not-contact): e-mail addresses and domains an admin keeps
 * out of reach. An entry's `value` is normalized by the SQL below and the
 * dedupe migration's, so a lead matches an entry when
 * - its e-mail's key (`leads_email_key`) is an e-mail entry, or
 * - its e-mail's domain (`leads_email_domain`) is a domain entry, or
 * - its website's host (`leads_website_host`: what `leads_website_key`
 *   keeps up to the first `/`, without port or trailing dot) is a domain entry.
 * Matching was exact here; 1764200000011_suppression_covers_subdomains.ts
 * makes a domain cover its subdomains.
 *
 * Nothing is stored on the leads: whether a lead is suppressed is read when
 * it is needed (list, record, export, create, approval), so adding or
 * removing an entry rewrites no lead and counts at once. The suppressed
 * leads are found from the entries through indexes (the e-mail key's unique
 * index and the two below), never by computing keys for every lead: the
 * export's NOT EXISTS costs what reading those few leads costs.
 *
 * Both functions are plain expressions (not STRICT, one SELECT), so
 * PostgreSQL inlines them: an index on them costs an expression per
 * inserted lead, not a function call.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION leads_email_domain(email text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT split_part(lower(btrim(email)), '@', -1)
      $$`)
    // the scheme goes only with `//` (`acme.com:8080` has a port, not a scheme), as in leads_website_key
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION leads_website_host(website text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT rtrim(substring(lower(btrim(website))
          FROM '^(\\?:(\\?:[a-z][a-z0-9+.-]*:)\\?//)\\?(\\?:www\\.)\\?([^/\\?#:]*)'), '.')
      $$`)
    this.schema.raw(`
      CREATE TABLE suppressions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        value text NOT NULL,
        reason text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT suppressions_kind_check CHECK (
          (kind = 'email' AND value LIKE '%_@_%') OR (kind = 'domain' AND value NOT LIKE '%@%')
        ),
        CONSTRAINT suppressions_value_unique UNIQUE (value)
      )`)
    this.schema.raw('CREATE INDEX suppressions_created_at_index ON suppressions (created_at)')
    this.schema.raw('CREATE INDEX leads_email_domain_index ON leads (leads_email_domain(email))')
    this.schema.raw('CREATE INDEX leads_website_host_index ON leads (leads_website_host(website))')
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS leads_website_host_index')
    this.schema.raw('DROP INDEX IF EXISTS leads_email_domain_index')
    this.schema.raw('DROP TABLE IF EXISTS suppressions')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_website_host(text)')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_email_domain(text)')
  }
}
