import { BaseSchema } from '@adonisjs/lucid/schema'
import { domainSpellings } from '../../services/domain_names.js'

/**
 * A do-not-contact domain covers its subdomains, in either spelling of an
 * internationalized name:
 * - `acme.com` covers `jo@eu.acme.com` and `https://shop.eu.acme.com`;
 * - `münchen.de` covers `xn--mnchen-3ya.de` and the other way round.
 *
 * An entry's `value` is kept in Unicode (what a person reads) and, when its
 * domain has non-ASCII letters, `ascii_value` holds the same value in ASCII
 * (punycode); `suppression_keys` lists both as one key per row. Leads keep
 * their e-mail and website as written; they are matched by
 * - from a lead to its entry (create, import, the record): the lead's
 *   domain and each of its parents (`leads_domain_and_parents`) probe the
 *   keys' unique indexes;
 * - from the entries to the leads (the list filter, the export): a domain
 *   key `acme.com` is a range of the leads' reversed domains
 *   (`leads_domain_rkey`: `moc.emca.` up to `moc.emca/`, byte order), read
 *   from the two indexes below, so it costs what the covered leads cost.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION leads_domain_and_parents(domain text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ARRAY(
          SELECT array_to_string(p.labels[i:array_length(p.labels, 1)], '.')
          FROM (SELECT string_to_array(domain, '.') AS labels) p,
            generate_subscripts(p.labels, 1) AS i
          WHERE domain <> ''
          ORDER BY i)
      $$`)
    // reversed, with a closing dot: a domain's subdomains are exactly the keys that start with its key
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION leads_domain_rkey(domain text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT reverse(domain) || '.' $$`)
    // the first key past them ('/' follows '.')
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION leads_domain_rkey_end(domain text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT reverse(domain) || '/' $$`)

    this.schema.raw('DROP INDEX IF EXISTS leads_email_domain_index')
    this.schema.raw('DROP INDEX IF EXISTS leads_website_host_index')
    this.schema.raw(
      'CREATE INDEX leads_email_domain_rkey_index ON leads ((leads_domain_rkey(leads_email_domain(email))) COLLATE "C")'
    )
    this.schema.raw(
      'CREATE INDEX leads_website_host_rkey_index ON leads ((leads_domain_rkey(leads_website_host(website))) COLLATE "C")'
    )

    this.schema.raw('ALTER TABLE suppressions ADD COLUMN ascii_value text')
    this.schema.raw(
      'CREATE UNIQUE INDEX suppressions_ascii_value_unique ON suppressions (ascii_value)'
    )
    this.schema.raw(`
      CREATE VIEW suppression_keys AS
        SELECT id, kind, value AS key FROM suppressions
        UNION ALL
        SELECT id, kind, ascii_value FROM suppressions WHERE ascii_value IS NOT NULL`)

    // the entries written before: each in Unicode, with its ASCII spelling when it differs
    this.defer(async (client) => {
      const entries = await client
        .from('suppressions')
        .where((q) => q.whereRaw(`value ~ '[^\\x01-\\x7f]'`).orWhere('value', 'like', '%xn--%'))
        .select('id', 'kind', 'value')
      for (const entry of entries) {
        const forms = domainSpellings(entry.value)
        if (forms.unicode === entry.value && forms.ascii === null) continue
        const clash = await client
          .from('suppressions')
          .where('value', forms.unicode)
          .whereNot('id', entry.id)
          .first()
        // the same domain entered in both spellings: the older entry covers both
        if (clash) continue
        await client.from('suppressions').where('id', entry.id).update({
          value: forms.unicode,
          ascii_value: forms.ascii,
        })
      }
    })
  }

  async down() {
    this.schema.raw('DROP VIEW IF EXISTS suppression_keys')
    this.schema.raw('DROP INDEX IF EXISTS suppressions_ascii_value_unique')
    this.schema.raw('ALTER TABLE suppressions DROP COLUMN IF EXISTS ascii_value')
    this.schema.raw('DROP INDEX IF EXISTS leads_website_host_rkey_index')
    this.schema.raw('DROP INDEX IF EXISTS leads_email_domain_rkey_index')
    this.schema.raw('CREATE INDEX leads_email_domain_index ON leads (leads_email_domain(email))')
    this.schema.raw('CREATE INDEX leads_website_host_index ON leads (leads_website_host(website))')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_domain_rkey_end(text)')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_domain_rkey(text)')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_domain_and_parents(text)')
  }
}
