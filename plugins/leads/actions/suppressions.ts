import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { StrictValues } from '@adonisjs/lucid/types/querybuilder'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, recordChanges, type ChangeContext } from '#services/change_recorder'
import Suppression from '../models/suppression.js'
import { classifySuppressionValue } from '../validators/suppression.js'
import type { SuppressionKind } from '../services/suppression.js'

/*
| The stored value, normalized by the functions the leads are matched by:
| an e-mail by its dedupe key, a domain as a website's host; `ascii_value`
| the same for its ASCII spelling, when it has another.
*/
const normalized = (row: string, input = 'input') =>
  `CASE WHEN ${row}.kind = 'email' THEN leads_email_key(${row}.${input}) ELSE leads_website_host(${row}.${input}) END`

/*
| Events are read by every role; the list is the admins'. So an event says
| which entry changed (its id) and the counts, never the address: that is in
| the audit row (before/after), which only admins read.
*/

/** An entry as the API answers it. */
export function serializeSuppression(entry: Suppression) {
  return entry.serialize()
}

/**
 * Adds one entry. 409 E_ALREADY_SUPPRESSED when the list already holds the
 * same normalized value (naming that entry).
 */
export async function addSuppression(
  context: ChangeContext,
  data: { value: string; reason?: string | null }
) {
  const classified = classifySuppressionValue(data.value)
  // the validator let it through: this is the same check
  if ('error' in classified) throw new ApiException(422, classified.error, { field: 'value' })
  return recordChange(
    context,
    async (trx) => {
      const { rows } = await trx.rawQuery(
        `INSERT INTO suppressions (kind, value, ascii_value, reason, created_by)
         SELECT i.kind, ${normalized('i')}, NULLIF(${normalized('i', 'ascii')}, ${normalized('i')}), ?, ?::uuid
         FROM (SELECT ?::text AS kind, ?::text AS input, ?::text AS ascii) i
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          data.reason ?? null,
          userId(context),
          classified.kind,
          classified.input,
          classified.ascii,
        ] as StrictValues[]
      )
      if (rows.length === 0) throw await alreadySuppressed(classified.kind, classified.input)
      return Suppression.query({ client: trx }).where('id', rows[0].id).firstOrFail()
    },
    {
      action: 'suppression.created',
      resourceType: 'suppressions',
      resourceId: (entry) => entry.id,
      after: (entry) => entry.serialize(),
      payload: (entry) => ({ kind: entry.kind }),
    }
  )
}

async function alreadySuppressed(kind: SuppressionKind, input: string) {
  const { rows } = await db.rawQuery(
    `SELECT s.id, s.kind, s.value FROM suppressions s, (SELECT ?::text AS kind, ?::text AS input) i
     WHERE ${normalized('i')} IN (s.value, s.ascii_value)`,
    [kind, input]
  )
  const existing = rows[0]
  return new ApiException(
    409,
    existing
      ? `${existing.value} is already on the do-not-contact list (entry ${existing.id})`
      : 'This value is already on the do-not-contact list',
    {
      code: 'E_ALREADY_SUPPRESSED',
      field: 'value',
      meta: existing ? { existing_id: existing.id } : undefined,
    }
  )
}

function userId(context: ChangeContext) {
  return context.actor.type === 'user' ? context.actor.id : null
}

export type BulkSuppressionResult =
  | { index: number; status: 'created'; id: string; kind: SuppressionKind; value: string }
  | { index: number; status: 'existing'; id: string; kind: SuppressionKind; value: string }
  | {
      index: number
      status: 'refused'
      code: 'E_VALIDATION_ERROR'
      errors: { message: string; field: string; rule: string }[]
    }

/*
| The whole list in one statement: normalize, keep the first of each value,
| insert what is new (ON CONFLICT: an entry that exists, or that another
| admin added a moment ago, stays as it is), then read every value's entry.
*/
const BULK_SQL = `
  WITH input AS (
    SELECT i.idx, i.kind, ${normalized('i')} AS value,
      NULLIF(${normalized('i', 'ascii')}, ${normalized('i')}) AS ascii_value
    FROM unnest(?::int[], ?::text[], ?::text[], ?::text[]) AS i(idx, kind, input, ascii)
  ), inserted AS (
    INSERT INTO suppressions (kind, value, ascii_value, reason, created_by)
    SELECT DISTINCT ON (value) kind, value, ascii_value, ?, ?::uuid FROM input
    WHERE value <> ''
    ORDER BY value, idx
    ON CONFLICT DO NOTHING
    RETURNING id, kind, value
  )
  SELECT input.idx, input.value, inserted.id AS created_id, inserted.kind AS created_kind,
    existing.id AS existing_id, existing.kind AS existing_kind
  FROM input
  LEFT JOIN inserted ON inserted.value = input.value
  LEFT JOIN suppressions existing ON existing.value = input.value`

/**
 * Adds a pasted or uploaded list at once, as ONE recorded change
 * (`suppression.bulk_created`, with the counts). Each value is checked on
 * its own: a value that is not an e-mail address or a domain is refused
 * with the reason, one already on the list (or earlier in this one) is
 * reported `existing` with its entry, the others are added. Nothing is
 * recorded when nothing was added.
 */
export async function addSuppressions(
  context: ChangeContext,
  data: { values: string[]; reason?: string | null }
) {
  const results: (BulkSuppressionResult | undefined)[] = new Array(data.values.length)
  const candidates: {
    index: number
    kind: SuppressionKind
    input: string
    ascii: string | null
  }[] = []
  data.values.forEach((value, index) => {
    const classified = classifySuppressionValue(value)
    if ('error' in classified) {
      results[index] = {
        index,
        status: 'refused',
        code: 'E_VALIDATION_ERROR',
        errors: [{ message: classified.error, field: 'value', rule: 'suppressionValue' }],
      }
    } else {
      candidates.push({ index, ...classified })
    }
  })

  const batchId = randomUUID()
  const created = await recordChanges(
    context,
    async (trx, recorder) => {
      if (candidates.length === 0) return []
      const { rows } = await trx.rawQuery(BULK_SQL, [
        candidates.map((c) => c.index),
        candidates.map((c) => c.kind),
        candidates.map((c) => c.input),
        candidates.map((c) => c.ascii),
        data.reason ?? null,
        userId(context),
      ] as StrictValues[])
      // the first row of each created value is "created", the rest of that value "existing"
      const claimed = new Set<string>()
      const made: { id: string; kind: SuppressionKind; value: string }[] = []
      for (const row of rows.sort((a: any, b: any) => a.idx - b.idx)) {
        if (row.created_id && !claimed.has(row.value)) {
          claimed.add(row.value)
          made.push({ id: row.created_id, kind: row.created_kind, value: row.value })
          results[row.idx] = {
            index: row.idx,
            status: 'created',
            id: row.created_id,
            kind: row.created_kind,
            value: row.value,
          }
        } else if (row.created_id || row.existing_id) {
          results[row.idx] = {
            index: row.idx,
            status: 'existing',
            id: row.created_id ?? row.existing_id,
            kind: row.created_kind ?? row.existing_kind,
            value: row.value,
          }
        }
      }
      if (made.length === 0) return made
      const counts = {
        batch_id: batchId,
        received: data.values.length,
        created: made.length,
        existing: results.filter((r) => r?.status === 'existing').length,
        refused: results.filter((r) => r?.status === 'refused').length,
        emails: made.filter((m) => m.kind === 'email').length,
        domains: made.filter((m) => m.kind === 'domain').length,
      }
      await recorder.record({
        action: 'suppression.bulk_created',
        resourceType: 'suppressions',
        resourceId: batchId,
        kind: 'created',
        entityType: 'suppression',
        // the values are for admins (audit), the counts for everyone (event)
        after: { ...counts, reason: data.reason ?? null, values: made.map((m) => m.value) },
        payload: counts,
      })
      return made
    },
    { allowNoChange: true }
  )

  // a value another admin added between this statement's snapshot and its insert
  const missing = candidates.filter((c) => results[c.index] === undefined)
  if (missing.length > 0) {
    const { rows } = await db.rawQuery(
      `SELECT i.idx, s.id, s.kind, s.value FROM unnest(?::int[], ?::text[], ?::text[]) AS i(idx, kind, input)
       JOIN suppressions s ON s.value = ${normalized('i')}`,
      [
        missing.map((c) => c.index),
        missing.map((c) => c.kind),
        missing.map((c) => c.input),
      ] as StrictValues[]
    )
    for (const row of rows) {
      results[row.idx] = {
        index: row.idx,
        status: 'existing',
        id: row.id,
        kind: row.kind,
        value: row.value,
      }
    }
    for (const c of missing) {
      results[c.index] ??= {
        index: c.index,
        status: 'refused',
        code: 'E_VALIDATION_ERROR',
        errors: [
          {
            message: `"${c.input}" has no domain to keep`,
            field: 'value',
            rule: 'suppressionValue',
          },
        ],
      }
    }
  }

  const final = results as BulkSuppressionResult[]
  return {
    batch_id: created.length > 0 ? batchId : null,
    totals: {
      received: final.length,
      created: final.filter((r) => r.status === 'created').length,
      existing: final.filter((r) => r.status === 'existing').length,
      refused: final.filter((r) => r.status === 'refused').length,
    },
    results: final,
  }
}

/** Removes an entry; the leads it covered are no longer suppressed. 404 for an unknown id. */
export async function removeSuppression(context: ChangeContext, id: string) {
  await recordChanges(context, async (trx, recorder) => {
    const entry = await Suppression.query({ client: trx }).where('id', id).forUpdate().first()
    if (!entry) throw ApiException.notFound('Suppression entry')
    const before = entry.serialize()
    await entry.useTransaction(trx).delete()
    await recorder.record({
      action: 'suppression.deleted',
      resourceType: 'suppressions',
      resourceId: id,
      before,
      payload: { kind: before.kind },
    })
  })
}
