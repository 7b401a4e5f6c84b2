import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordBulkChanges, type ChangeContext } from '#services/change_recorder'
import { CopyWriter, transactionConnection } from '../services/copy_in.js'
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
  /** Rows generated per step (and per progress tick). */
  batchSize?: number
  /** Seed only when the table is empty (the demo seeder); otherwise add rows. */
  onlyIfEmpty?: boolean
  /**
   * Drop the leads' indexes (all but the primary key) for the insert and
   * build them again after it (default: when the seed at least doubles the
   * table and adds 50,000 leads or more). Readers of leads wait until the
   * seed commits.
   */
  rebuildIndexes?: boolean
  onProgress?: (done: number, total: number) => void
  /** The steps after generating: `inserting`, `indexing`. */
  onPhase?: (phase: 'inserting' | 'indexing') => void
}

export interface SeedResult {
  inserted: number
  skipped: number
  batchId: string | null
  /** Whether the indexes were built again after the insert. */
  rebuiltIndexes: boolean
}

class NothingToSeed extends Error {}

const COLUMNS = SEED_COLUMNS.join(', ')

/* Below this, maintaining the indexes row by row costs less than building them again. */
const REBUILD_FROM = 50_000

/**
 * Bulk-inserts generated leads on the CSV import's path: every row through
 * COPY FROM STDIN into a temporary table, then one INSERT ... SELECT ... ON
 * CONFLICT DO NOTHING into leads (a website or email already there is
 * skipped, not fatal), all in ONE transaction on the `bulk` connection (no
 * statement timeout: a big seed, or the wait for another seeding's lock,
 * takes longer than a request's statement may).
 *
 * Index maintenance is what a bulk insert into leads costs (six trigram
 * indexes and two unique expression indexes: about 90 % of `psql \copy`
 * into the table). When the seed at least doubles the table, the indexes
 * but the primary key are dropped before the insert and built again after
 * it, in the same transaction (so a failure restores them): several times
 * faster than updating them row by row (a million leads: 95 s instead of
 * about 240 s on a 2-core machine).
 *
 * It bypasses the per-row change recorder on purpose: a million events and
 * audit rows would be absurd. The same transaction records one system
 * event and audit row, `leads.seeded` with the counts and the seed.
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
      await trx.rawQuery(`SET LOCAL work_mem = '64MB'`)
      await trx.rawQuery(`SET LOCAL maintenance_work_mem = '256MB'`)
      await trx.rawQuery(`SET LOCAL gin_pending_list_limit = '64MB'`)

      await trx.rawQuery(
        `CREATE TEMP TABLE leads_seed_rows ON COMMIT DROP AS SELECT ${COLUMNS} FROM leads WITH NO DATA`
      )
      const copy = new CopyWriter(
        await transactionConnection(trx),
        `COPY leads_seed_rows (${COLUMNS}) FROM STDIN WITH (FORMAT csv)`
      )
      try {
        for (let done = 0; done < options.count; done += batchSize) {
          const size = Math.min(batchSize, options.count - done)
          await writeLeads(
            copy,
            generateLeads({
              count: size,
              seed: options.seed,
              from: existing + done,
              source: options.source,
            })
          )
          options.onProgress?.(done + size, options.count)
        }
        await copy.end()
      } catch (error) {
        await copy.abort(error as Error)
        throw error
      }

      const rebuild =
        options.rebuildIndexes ?? (options.count >= REBUILD_FROM && options.count >= existing)
      const indexes = rebuild ? await dropIndexes(trx) : []
      options.onPhase?.('inserting')
      const result = await trx.rawQuery(rebuild ? await insertWithoutIndexes(trx) : INSERT_SKIPPING)
      const inserted = result.rowCount ?? 0
      if (indexes.length) {
        options.onPhase?.('indexing')
        for (const definition of indexes) await trx.rawQuery(definition)
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
      return {
        inserted,
        skipped: options.count - inserted,
        batchId,
        rebuiltIndexes: indexes.length > 0,
      }
    })
  } catch (error) {
    if (error instanceof NothingToSeed) {
      return { inserted: 0, skipped: 0, batchId: null, rebuiltIndexes: false }
    }
    throw error
  }
}

/* With the unique indexes: a lead whose website or email is there is skipped. */
const INSERT_SKIPPING = `INSERT INTO leads (${COLUMNS}) SELECT ${COLUMNS} FROM leads_seed_rows ON CONFLICT DO NOTHING`

/**
 * Without the unique indexes (dropped: the table is locked, no one else
 * writes), the leads already there are skipped by an anti-join on the
 * dedupe keys, and none at all when the table is empty. Generated leads
 * never repeat a website or email among themselves (the domain holds the
 * lead's number); the unique indexes, built again, would refuse the seed
 * if they did.
 */
async function insertWithoutIndexes(trx: TransactionClientContract) {
  const {
    rows: [table],
  } = await trx.rawQuery('SELECT EXISTS (SELECT 1 FROM leads) AS filled')
  if (!table.filled) return `INSERT INTO leads (${COLUMNS}) SELECT ${COLUMNS} FROM leads_seed_rows`
  return `INSERT INTO leads (${COLUMNS}) SELECT ${COLUMNS} FROM leads_seed_rows s
    WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE leads_website_key(l.website) = leads_website_key(s.website))
      AND NOT EXISTS (SELECT 1 FROM leads l WHERE leads_email_key(l.email) = leads_email_key(s.email))`
}

/* Lines of CSV into the COPY, a few hundred per write so the stream is not chatty. */
async function writeLeads(copy: CopyWriter, leads: Iterable<GeneratedLead>) {
  let chunk = ''
  let lines = 0
  for (const lead of leads) {
    chunk += toCsvLine(lead)
    if (++lines === 500) {
      await copy.write(chunk)
      chunk = ''
      lines = 0
    }
  }
  if (chunk) await copy.write(chunk)
}

/**
 * Drops the leads' indexes but the primary key (and any a constraint
 * owns) and returns their definitions, to be run again after the insert
 * (same names, same options). The drop takes the table's exclusive lock
 * until commit: nobody writes meanwhile (readers wait too).
 */
async function dropIndexes(trx: TransactionClientContract): Promise<string[]> {
  const { rows } = await trx.rawQuery(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'leads'::regclass AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY i.indisunique DESC, c.relname`
  )
  for (const { name } of rows) await trx.rawQuery(`DROP INDEX "${name.replace(/"/g, '""')}"`)
  return rows.map((row: { definition: string }) => row.definition)
}
