import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Agents find the same business twice. The database refuses a second lead
 * with the same normalized website or email, so two concurrent creates
 * cannot both win; the API maps the violation to 409 E_DUPLICATE_LEAD.
 *
 * The normalization lives here, in SQL, and nowhere else (the action looks
 * existing leads up through the same functions):
 * - website: trimmed, lower-cased, without scheme (`https://`, `//`), query
 *   string, fragment, leading `www.` and trailing slashes. The path is kept:
 *   businesses on shared hosts (facebook.com/joes-pizza, sites.google.com/...)
 *   are different businesses.
 * - email: trimmed and lower-cased; empty means none.
 */
export default class extends BaseSchema {
  async up() {
    // knex reads `?` as a binding: `\\?` is a literal question mark.
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION leads_website_key(website text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT NULLIF(rtrim(
          regexp_replace(
            regexp_replace(
              regexp_replace(lower(btrim(website)), '^([a-z][a-z0-9+.-]*:)\\?//', ''),
              '[\\?#].*$', ''),
            '^www\\.', ''),
          '/'), '')
      $$`)
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION leads_email_key(email text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT NULLIF(lower(btrim(email)), '')
      $$`)
    this.schema.raw(
      'CREATE UNIQUE INDEX leads_website_key_unique ON leads (leads_website_key(website))'
    )
    this.schema.raw('CREATE UNIQUE INDEX leads_email_key_unique ON leads (leads_email_key(email))')
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS leads_email_key_unique')
    this.schema.raw('DROP INDEX IF EXISTS leads_website_key_unique')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_email_key(text)')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_website_key(text)')
  }
}
