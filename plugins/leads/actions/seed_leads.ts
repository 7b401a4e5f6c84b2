import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import copyStreams from 'pg-copy-streams'
import { recordBulkChanges, type ChangeContext } from '#services/change_recorder'
import {
  generateLeads,
  SEED_COLUMNS,
  toCsvLine,
  type GeneratedLead,
} from '../seed/lead_generator.js'

export interface SeedOptions {
  count: number
  seed?: number
  /** The `source` of every generated lead (default: a realistic mix). */
  source?: string
  /** Rows per COPY round trip (and per progress tick). */
  batchSize?: number
  /** Seed only when the table is empty (the demo seeder); otherwise add rows. */
  onlyIfEmpty?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface SeedResult {
  inserted: number
  skipped: number
  batchId: string | null
}

class NothingToSeed extends Error {}

const COLUMNS = SEED_COLUMNS.join(', ')

/* Lines of CSV, a few hundred per chunk so the stream is not chatty. */
function* csvChunks(leads: Iterable<GeneratedLead>) {
  let chunk = ''
  let lines = 0
  for (const lead of leads) {
    chunk += toCsvLine(lead)
    if (++lines === 500) {
      yield chunk
      chunk = ''
      lines = 0
    }
  }
  if (chunk) yield chunk
}

/**
 * Bulk-inserts generated leads: COPY FROM STDIN into a temporary table, then
 * INSERT ... ON CONFLICT DO NOTHING into leads (a website or email already
 * there is skipped, not fatal), batch after batch, in ONE transaction.
 *
 * It runs on the `bulk` connection, which has no statement timeout: a
 * batch, or the wait for another seeding's lock, may take longer than a
 * request's statement may.
 *
 * It bypasses the per-row change recorder on purpose: a million events and
 * audit rows would be absurd. Instead the same transaction records one
 * system event and audit row, `leads.seeded` with the counts and the seed,
 * so the history still says where these rows came from.
 */
export async function seedLeads(context: ChangeContext, options: SeedOptions): Promise<SeedResult> {
  const batchSize = options.batchSize ?? 10_000
  const batchId = randomUUID()
  try {
    return await recordBulkChanges(context, async (trx, recorder) => {
      // One seeding at a time (two instances starting on an empty database).
      await trx.rawQuery(`SELECT pg_advisory_xact_lock(hashtext('leads.seed'))`)
      const [{ total }] = await trx.from('leads').count('* as total')
      const existing = Number(total)
      if (options.onlyIfEmpty && existing > 0) throw new NothingToSeed()
      // Bigger GIN pending lists, merged in fewer, larger steps: the trigram
      // indexes otherwise dominate a bulk insert.
      await trx.rawQuery(`SET LOCAL gin_pending_list_limit = '64MB'`)
      await trx.rawQuery(`SET LOCAL work_mem = '64MB'`)

      await trx.rawQuery(
        `CREATE TEMP TABLE leads_seed_batch ON COMMIT DROP AS SELECT ${COLUMNS} FROM leads WITH NO DATA`
      )
      // The transaction's own connection, for COPY (Lucid has no COPY API).
      const connection = await (trx as any).knexClient.client.acquireConnection()

      let inserted = 0
      for (let done = 0; done < options.count; done += batchSize) {
        const size = Math.min(batchSize, options.count - done)
        const leads = generateLeads({
          count: size,
          seed: options.seed,
          from: existing + done,
          source: options.source,
        })
        await pipeline(
          Readable.from(csvChunks(leads)),
          connection.query(
            copyStreams.from(`COPY leads_seed_batch (${COLUMNS}) FROM STDIN WITH (FORMAT csv)`)
          )
        )
        const result = await trx.rawQuery(
          `INSERT INTO leads (${COLUMNS}) SELECT ${COLUMNS} FROM leads_seed_batch ON CONFLICT DO NOTHING`
        )
        inserted += result.rowCount ?? 0
        await trx.rawQuery('TRUNCATE leads_seed_batch')
        options.onProgress?.(done + size, options.count)
      }

      await recorder.record({
        action: 'leads.seeded',
        resourceType: 'leads',
        resourceId: batchId,
        kind: 'created',
        entityType: 'lead',
        payload: {
          batch_id: batchId,
          count: inserted,
          requested: options.count,
          skipped: options.count - inserted,
          seed: options.seed ?? 1,
          source: options.source ?? null,
        },
      })
      return { inserted, skipped: options.count - inserted, batchId }
    })
  } catch (error) {
    if (error instanceof NothingToSeed) return { inserted: 0, skipped: 0, batchId: null }
    throw error
  }
}
