import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import type { StrictValues } from '@adonisjs/lucid/types/querybuilder'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import { createLeadValidator } from '../validators/lead.js'
import { LeadScore, LeadStatus } from '../enums.js'
import type { NewLead } from './create_lead.js'
import { describeEntry, ENTRY_FOR, type SuppressionEntry } from '../services/suppression.js'

export interface FieldError {
  message: string
  field?: string
  rule?: string
}

/** One row's outcome, in input order. */
export type BulkRowResult =
  | { index: number; status: 'created'; id: string }
  | {
      index: number
      status: 'refused'
      code: 'E_DUPLICATE_LEAD'
      message: string
      field: 'website' | 'email'
      existing_id: string
      /** Set when the lead it duplicates is an earlier row of this request. */
      duplicate_of_index?: number
    }
  | {
      index: number
      status: 'refused'
      code: 'E_SUPPRESSED'
      message: string
      field: 'website' | 'email'
      entry: SuppressionEntry
    }
  | { index: number; status: 'refused'; code: 'E_VALIDATION_ERROR'; errors: FieldError[] }

export interface BulkResult {
  /** The recorded change (`lead.bulk_created`), null when nothing was created. */
  batch_id: string | null
  totals: {
    received: number
    created: number
    refused: number
    duplicates: number
    invalid: number
    suppressed: number
  }
  results: BulkRowResult[]
}

/* The columns a bulk create writes, in the order of the arrays it sends. */
const COLUMNS: [column: string, type: string][] = [
  ['id', 'uuid'],
  ['business_name', 'text'],
  ['niche', 'text'],
  ['region', 'text'],
  ['website', 'text'],
  ['contact_name', 'text'],
  ['contact_role', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['source', 'text'],
  ['lead_score', 'text'],
  ['status', 'lead_status'],
  ['next_step', 'text'],
  ['notes', 'jsonb'],
]

/*
| One statement for the whole batch: the rows as arrays (one per column),
| unnested into an INSERT. The unique indexes decide duplicates (ON
| CONFLICT DO NOTHING: a lead another request created a moment ago is
| skipped, not an error); RETURNING says which ids went in. The counters'
| statement-level trigger runs once for the batch.
*/
const INSERT_SQL = `
  INSERT INTO leads (${COLUMNS.map(([column]) => column).join(', ')}, last_action_at)
  SELECT ${COLUMNS.map(([column, type]) => (type === 'jsonb' ? `${column}::jsonb` : column)).join(', ')}, NULL
  FROM unnest(${COLUMNS.map(([, type]) => `?::${type === 'jsonb' ? 'text' : type}[]`).join(', ')})
    AS rows(${COLUMNS.map(([column]) => column).join(', ')})
  ON CONFLICT DO NOTHING
  RETURNING id`

/*
| What the table already says about each candidate: the normalized keys
| (computed once per row: the dedupe functions are not inlined), the lead
| that has the same website or e-mail (a probe of each unique index) and the
| suppression entry that matches it (e-mail first).
*/
const LOOKUP_SQL = `
  WITH c AS MATERIALIZED (
    SELECT u.idx, u.website, u.email, leads_website_key(u.website) AS website_key,
      leads_email_key(u.email) AS email_key
    FROM unnest(?::int[], ?::text[], ?::text[]) AS u(idx, website, email)
  )
  SELECT c.idx, c.website_key, c.email_key,
    (SELECT w.id FROM leads w WHERE leads_website_key(w.website) = c.website_key) AS website_lead,
    (SELECT e.id FROM leads e WHERE leads_email_key(e.email) = c.email_key) AS email_lead,
    s.id AS entry_id, s.kind AS entry_kind, s.value AS entry_value, s.field AS entry_field
  FROM c LEFT JOIN LATERAL (${ENTRY_FOR('c.email', 'c.website')}) s ON true`

/* After a lost race: the lead that now has this website or e-mail. */
const EXISTING_SQL = `
  SELECT c.idx, coalesce(w.id, e.id) AS id, CASE WHEN w.id IS NOT NULL THEN 'website' ELSE 'email' END AS field
  FROM unnest(?::int[], ?::text[], ?::text[]) AS c(idx, website, email)
  LEFT JOIN leads w ON leads_website_key(w.website) = leads_website_key(c.website)
  LEFT JOIN leads e ON leads_email_key(e.email) = leads_email_key(c.email)`

interface Lookup {
  idx: number
  website_key: string | null
  email_key: string | null
  website_lead: string | null
  email_lead: string | null
  entry_id: string | null
  entry_kind: SuppressionEntry['kind'] | null
  entry_value: string | null
  entry_field: 'website' | 'email'
}

interface Candidate {
  index: number
  id: string
  lead: NewLead
}

/** A row's field errors as the API's 422 gives them. */
async function validateRow(row: unknown): Promise<NewLead | FieldError[]> {
  try {
    return await createLeadValidator.validate(row)
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    return (error.messages as FieldError[]).map(({ message, field, rule }) =>
      field === '' ? { message: 'Each lead must be a JSON object', rule } : { message, field, rule }
    )
  }
}

const duplicateMessage = (field: 'website' | 'email', id: string, inRequest?: number) =>
  inRequest !== undefined
    ? `Lead ${inRequest} of this request has the same ${field === 'website' ? 'website' : 'email address'}`
    : `A lead with this ${field === 'website' ? 'website' : 'email address'} already exists: ${id}`

/**
 * Creates up to MAX_BULK_LEADS leads at once, each checked as `POST
 * /api/leads` checks one: the same validator, the same duplicate rule
 * (normalized website or e-mail, against the table and against the earlier
 * rows of the request: the first one wins) and the suppression list. The
 * rows that pass are inserted by one set-based statement and recorded as
 * ONE change, `lead.bulk_created`, with the counts and the created ids;
 * nothing is recorded when nothing was created. The answer has a result
 * per row, in input order.
 */
export async function createLeadsBulk(
  context: ChangeContext,
  rows: unknown[]
): Promise<BulkResult> {
  const results: (BulkRowResult | undefined)[] = new Array(rows.length)
  const valid: Candidate[] = []
  for (const [index, row] of rows.entries()) {
    const checked = await validateRow(row)
    if (Array.isArray(checked)) {
      results[index] = { index, status: 'refused', code: 'E_VALIDATION_ERROR', errors: checked }
    } else {
      valid.push({ index, id: randomUUID(), lead: checked })
    }
  }

  const lookups = new Map<number, Lookup>()
  if (valid.length > 0) {
    const { rows: found } = await db.rawQuery<{ rows: Lookup[] }>(LOOKUP_SQL, [
      valid.map((c) => c.index),
      valid.map((c) => c.lead.website),
      valid.map((c) => c.lead.email ?? null),
    ] as StrictValues[])
    for (const lookup of found) lookups.set(lookup.idx, lookup)
  }

  // the first valid row with a website or e-mail claims it; a later one is its duplicate
  const claimed = { website: new Map<string, Candidate>(), email: new Map<string, Candidate>() }
  const accepted: Candidate[] = []
  for (const candidate of valid) {
    const { index } = candidate
    const lookup = lookups.get(index)!
    if (lookup.entry_id) {
      const entry = { id: lookup.entry_id, kind: lookup.entry_kind!, value: lookup.entry_value! }
      results[index] = {
        index,
        status: 'refused',
        code: 'E_SUPPRESSED',
        message: `This lead is on the do-not-contact list: ${describeEntry(entry)} is suppressed`,
        field: lookup.entry_field,
        entry,
      }
      continue
    }
    const inTable =
      (lookup.website_lead && { field: 'website' as const, id: lookup.website_lead }) ||
      (lookup.email_lead && { field: 'email' as const, id: lookup.email_lead })
    if (inTable) {
      results[index] = {
        index,
        status: 'refused',
        code: 'E_DUPLICATE_LEAD',
        message: duplicateMessage(inTable.field, inTable.id),
        field: inTable.field,
        existing_id: inTable.id,
      }
      continue
    }
    const earlier =
      (lookup.website_key &&
        claimed.website.get(lookup.website_key) && {
          field: 'website' as const,
          first: claimed.website.get(lookup.website_key)!,
        }) ||
      (lookup.email_key &&
        claimed.email.get(lookup.email_key) && {
          field: 'email' as const,
          first: claimed.email.get(lookup.email_key)!,
        })
    if (earlier) {
      results[index] = {
        index,
        status: 'refused',
        code: 'E_DUPLICATE_LEAD',
        message: duplicateMessage(earlier.field, earlier.first.id, earlier.first.index),
        field: earlier.field,
        existing_id: earlier.first.id,
        duplicate_of_index: earlier.first.index,
      }
      continue
    }
    if (lookup.website_key) claimed.website.set(lookup.website_key, candidate)
    if (lookup.email_key) claimed.email.set(lookup.email_key, candidate)
    accepted.push(candidate)
  }

  let batchId: string | null = null
  if (accepted.length > 0) {
    batchId = randomUUID()
    const refusedSoFar = totals(results.filter((r): r is BulkRowResult => r !== undefined))
    const inserted = await insertAndRecord(
      context,
      batchId,
      accepted,
      inLockOrder(accepted, lookups),
      {
        received: rows.length,
        duplicates: refusedSoFar.duplicates,
        invalid: refusedSoFar.invalid,
        suppressed: refusedSoFar.suppressed,
      }
    )
    if (inserted.size < accepted.length) await reportLostRaces(accepted, inserted, results)
    for (const candidate of accepted) {
      if (inserted.has(candidate.id)) {
        results[candidate.index] = { index: candidate.index, status: 'created', id: candidate.id }
      }
    }
    if (inserted.size === 0) batchId = null
  }

  const final = results as BulkRowResult[]
  return { batch_id: batchId, totals: totals(final), results: final }
}

/**
 * The rows in the order every request inserts them: by their normalized
 * website, then e-mail. Each insert locks its keys in the unique indexes as
 * it goes, so two requests holding the same new leads in opposite orders
 * each waited for the other's next row: PostgreSQL broke the cycle after a
 * second (a 503 to retry), or a request behind such a chain ran into the
 * statement timeout. In one order, the later request waits for the earlier
 * one's commit and skips the rows it took.
 */
function inLockOrder(accepted: Candidate[], lookups: Map<number, Lookup>): Candidate[] {
  const key = (candidate: Candidate) => {
    const lookup = lookups.get(candidate.index)!
    return `${lookup.website_key ?? ''}\u0000${lookup.email_key ?? ''}`
  }
  const keys = new Map(accepted.map((candidate) => [candidate, key(candidate)]))
  return [...accepted].sort((a, b) => {
    const [x, y] = [keys.get(a)!, keys.get(b)!]
    return x < y ? -1 : x > y ? 1 : 0
  })
}

/** The counts of a finished result list. */
function totals(results: BulkRowResult[]): BulkResult['totals'] {
  const count = (test: (r: BulkRowResult) => boolean) => results.filter(test).length
  const created = count((r) => r.status === 'created')
  return {
    received: results.length,
    created,
    refused: results.length - created,
    duplicates: count((r) => r.status === 'refused' && r.code === 'E_DUPLICATE_LEAD'),
    invalid: count((r) => r.status === 'refused' && r.code === 'E_VALIDATION_ERROR'),
    suppressed: count((r) => r.status === 'refused' && r.code === 'E_SUPPRESSED'),
  }
}

/**
 * The insert and its one recorded change, in one transaction. Resolves with
 * the ids that went in (a row another request inserted first is skipped).
 */
async function insertAndRecord(
  context: ChangeContext,
  batchId: string,
  accepted: Candidate[],
  /** The same rows, in the order they are inserted (inLockOrder). */
  insertOrder: Candidate[],
  refused: { received: number; duplicates: number; invalid: number; suppressed: number }
): Promise<Set<string>> {
  const columns: unknown[][] = COLUMNS.map(() => new Array(insertOrder.length))
  insertOrder.forEach(({ id, lead }, row) => {
    const values = [
      id,
      lead.business_name,
      lead.niche,
      lead.region,
      lead.website,
      lead.contact_name ?? null,
      lead.contact_role ?? null,
      lead.email ?? null,
      lead.phone ?? null,
      /* the single create's defaults */
      lead.source ?? 'manual',
      lead.lead_score ?? LeadScore.C,
      lead.status ?? LeadStatus.New,
      lead.next_step ?? null,
      JSON.stringify(lead.notes ?? []),
    ]
    values.forEach((value, column) => (columns[column][row] = value))
  })

  return recordChanges(
    context,
    async (trx, recorder) => {
      const { rows } = await trx.rawQuery<{ rows: { id: string }[] }>(
        INSERT_SQL,
        columns as StrictValues[]
      )
      const ids = new Set(rows.map((row) => row.id))
      if (ids.size === 0) return ids
      const created = accepted.filter((c) => ids.has(c.id)).map((c) => c.id)
      const summary = {
        batch_id: batchId,
        received: refused.received,
        created: created.length,
        refused: refused.received - created.length,
        // a row another request created first is a duplicate too
        duplicates: refused.duplicates + (accepted.length - created.length),
        invalid: refused.invalid,
        suppressed: refused.suppressed,
      }
      await recorder.record({
        action: 'lead.bulk_created',
        resourceType: 'leads',
        resourceId: batchId,
        kind: 'created',
        entityType: 'lead',
        after: summary,
        // the ids, so a reader of events knows which leads arrived (the records are read from the API)
        payload: { ...summary, ids: created },
      })
      return ids
    },
    { allowNoChange: true }
  )
}

/**
 * Rows the insert skipped because another request created the same website
 * or e-mail between the lookup and the insert: refused as duplicates of the
 * lead that won, like a single create that lost the same race.
 */
async function reportLostRaces(
  accepted: Candidate[],
  inserted: Set<string>,
  results: (BulkRowResult | undefined)[]
) {
  const lost = accepted.filter((c) => !inserted.has(c.id))
  const { rows } = await db.rawQuery<{
    rows: { idx: number; id: string | null; field: 'website' | 'email' }[]
  }>(EXISTING_SQL, [
    lost.map((c) => c.index),
    lost.map((c) => c.lead.website),
    lost.map((c) => c.lead.email ?? null),
  ] as StrictValues[])
  const winners = new Map(rows.map((row) => [row.idx, row]))
  for (const candidate of lost) {
    const winner = winners.get(candidate.index)
    const id = winner?.id ?? candidate.id
    const field = winner?.field ?? 'website'
    results[candidate.index] = {
      index: candidate.index,
      status: 'refused',
      code: 'E_DUPLICATE_LEAD',
      message: duplicateMessage(field, id),
      field,
      existing_id: id,
    }
  }
  // later rows refused as duplicates of a row that lost: they duplicate the lead that won
  for (const result of results) {
    if (result && 'duplicate_of_index' in result && result.duplicate_of_index !== undefined) {
      const first = accepted.find((c) => c.index === result.duplicate_of_index)
      if (first && !inserted.has(first.id)) {
        const replaced = results[first.index]
        if (replaced && 'existing_id' in replaced) {
          result.existing_id = replaced.existing_id
          result.message = duplicateMessage(result.field, replaced.existing_id)
          delete result.duplicate_of_index
        }
      }
    }
  }
}
