/**
 * Suppression (do-not-contact): which entry, if any, keeps a lead out of
 * reach, in SQL the list, the record, the export, the creates and the
 * drafts' approvals share. The keys are the migrations' functions
 * (1764200000007_suppressions.ts, 1764200000011_suppression_covers_subdomains.ts):
 * an e-mail entry matches the lead's e-mail key, a domain entry its
 * e-mail's domain or its website's host, or a subdomain of it, in either
 * spelling of an internationalized name.
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ApiException } from '#exceptions/api_exception'

export const SUPPRESSION_KINDS = ['email', 'domain'] as const
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number]

/** The entry a lead record names (`suppression`), and a refusal (`entry`). */
export interface SuppressionEntry {
  id: string
  kind: SuppressionKind
  value: string
}

/*
| A domain key covers the leads whose domain is that key or ends with `.`
| and the key: the range of reversed domains the migration's indexes hold
| (1764200000011_suppression_covers_subdomains.ts), in byte order.
*/
const covered = (domain: string) =>
  `leads_domain_rkey(${domain}) COLLATE "C" >= leads_domain_rkey(se.key) ` +
  `AND leads_domain_rkey(${domain}) COLLATE "C" < leads_domain_rkey_end(se.key)`

/**
 * The ids of the leads some entry matches (a lead may come more than once),
 * found from the entries' keys (each entry's value, and its ASCII spelling)
 * through the leads' key indexes: its cost follows the number of suppressed
 * leads, not the size of the table.
 */
export const SUPPRESSED_LEAD_IDS =
  `SELECT sl.id FROM suppression_keys se JOIN leads sl ON leads_email_key(sl.email) = se.key WHERE se.kind = 'email' ` +
  `UNION ALL SELECT sl.id FROM suppression_keys se JOIN leads sl ON ${covered('leads_email_domain(sl.email)')} WHERE se.kind = 'domain' ` +
  `UNION ALL SELECT sl.id FROM suppression_keys se JOIN leads sl ON ${covered('leads_website_host(sl.website)')} WHERE se.kind = 'domain'`

/** A WHERE condition on `leads`: the lead is suppressed (true) or not (false). */
export function suppressedCondition(suppressed: boolean, table = 'leads') {
  const match = `EXISTS (SELECT 1 FROM (${SUPPRESSED_LEAD_IDS}) suppressed WHERE suppressed.id = ${table}.id)`
  return suppressed ? match : `NOT ${match}`
}

/**
 * The entry for one lead's e-mail and website (an e-mail entry first, then
 * one for the e-mail's domain or a parent of it, then the website's host or
 * a parent); `field` says which of the two it matched. A few probes of the
 * keys' unique indexes.
 */
export const ENTRY_FOR = (email: string, website: string) => `
  SELECT s.id, s.kind, s.value, m.field
  FROM (
    SELECT k.id, 'email' AS field, 1 AS rank FROM suppression_keys k
      WHERE k.kind = 'email' AND k.key = leads_email_key(${email})
    UNION ALL
    SELECT k.id, 'email', 2 FROM suppression_keys k
      WHERE k.kind = 'domain' AND k.key = ANY(leads_domain_and_parents(leads_email_domain(${email})))
    UNION ALL
    SELECT k.id, 'website', 3 FROM suppression_keys k
      WHERE k.kind = 'domain' AND k.key = ANY(leads_domain_and_parents(leads_website_host(${website})))
  ) m JOIN suppressions s ON s.id = m.id
  ORDER BY m.rank
  LIMIT 1`

/**
 * The record's `suppression` column for a list of leads (`leads.*`): the
 * entry as JSON, or null. Evaluated for the rows of a page only.
 */
export const SUPPRESSION_COLUMN = `(SELECT json_build_object('id', e.id, 'kind', e.kind, 'value', e.value) FROM (${ENTRY_FOR(
  'leads.email',
  'leads.website'
)}) e) AS suppression`

export interface SuppressionMatch extends SuppressionEntry {
  /** Which of the lead's fields matched: `email` (the address or its domain) or `website`. */
  field: 'email' | 'website'
}

/** The entry that suppresses a lead with this e-mail and website, or null. */
export async function suppressionFor(
  candidate: { email?: string | null; website?: string | null },
  client: QueryClientContract = db.connection()
): Promise<SuppressionMatch | null> {
  const { rows } = await client.rawQuery(
    `SELECT e.* FROM (SELECT ?::text AS email, ?::text AS website) c
     CROSS JOIN LATERAL (${ENTRY_FOR('c.email', 'c.website')}) e`,
    [candidate.email ?? null, candidate.website ?? null] as any[]
  )
  return rows[0] ?? null
}

/** The entry that suppresses this lead now, or null (also null for an unknown lead). */
export async function suppressionOfLead(
  leadId: string,
  client: QueryClientContract = db.connection()
): Promise<SuppressionEntry | null> {
  const { rows } = await client.rawQuery(
    `SELECT e.id, e.kind, e.value FROM leads CROSS JOIN LATERAL (${ENTRY_FOR('leads.email', 'leads.website')}) e
     WHERE leads.id = ?`,
    [leadId]
  )
  return rows[0] ? { id: rows[0].id, kind: rows[0].kind, value: rows[0].value } : null
}

/** The words for an entry: `the e-mail address jo@acme.com`, `the domain acme.com`. */
export function describeEntry(entry: SuppressionEntry) {
  return entry.kind === 'email' ? `the e-mail address ${entry.value}` : `the domain ${entry.value}`
}

/** 409 E_SUPPRESSED naming the entry (a create refused; an approval refused). */
export function suppressedError(entry: SuppressionMatch | SuppressionEntry, what = 'This lead') {
  const { id, kind, value } = entry
  return new ApiException(
    409,
    `${what} is on the do-not-contact list: ${describeEntry(entry)} is suppressed`,
    {
      code: 'E_SUPPRESSED',
      ...('field' in entry ? { field: entry.field } : {}),
      meta: { entry: { id, kind, value } },
    }
  )
}

/** The record fields a lead carries about suppression (`suppressed`, `suppression`). */
export function suppressionFields(entry: SuppressionEntry | null) {
  return {
    suppressed: entry !== null,
    suppression: entry ? { id: entry.id, kind: entry.kind, value: entry.value } : null,
  }
}

/** What the leads plugin offers other plugins through the app container (`leads.suppression`). */
export interface LeadSuppression {
  /**
   * The do-not-contact entry that keeps this lead out of reach now, or null;
   * in the caller's transaction when given.
   */
  forLead(leadId: string, client?: QueryClientContract): Promise<SuppressionEntry | null>
  /** 409 E_SUPPRESSED naming the entry, for the caller to throw. */
  refusal(entry: SuppressionEntry, what?: string): ApiException
}

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    'leads.suppression': LeadSuppression
  }
}

export const leadSuppression: LeadSuppression = {
  forLead: (leadId, client) => suppressionOfLead(leadId, client),
  refusal: (entry, what) => suppressedError(entry, what),
}
