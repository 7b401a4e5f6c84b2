/**
 * Retention of the append-only history (docs/HISTORY.md). task_events and
 * audit_log are partitioned by UTC month (migration 1764400000001); the
 * only way history leaves the database is `archiveHistory`: each month
 * partition before a month is written to gzip JSON Lines (one
 * `row_to_json` per row, in id order), checksummed, read back and compared
 * with the table, and only then detached and dropped, in the transaction
 * that records the `system.history_archived` change (the database refuses
 * the drop otherwise). `restoreHistory` loads an archive into the
 * `history_restore` schema, away from the live tables, the replay and the
 * webhook outbox.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { createGunzip, createGzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { takeSnapshot } from '#services/board_snapshots'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { SYSTEM, recordChanges, type ChangeContext } from '#services/change_recorder'

export const HISTORY_TABLES = ['task_events', 'audit_log'] as const
export type HistoryTable = (typeof HISTORY_TABLES)[number]

/** Months ahead whose partitions exist at any time (the migration, boot and the daily timer). */
export const HISTORY_MONTHS_AHEAD = 3
export const DEFAULT_ARCHIVE_FOLDER = 'storage/history-archive'
export const RESTORE_SCHEMA = 'history_restore'

const FETCH_ROWS = 10_000

/** One archived partition, as listed in manifest.json and in the audit record. */
export interface ArchiveEntry {
  table: HistoryTable
  /** YYYY-MM (UTC) */
  month: string
  partition: string
  rows: number
  min_id: number | null
  max_id: number | null
  file: string
  /** SHA-256 of the .gz file */
  sha256: string
  /** SHA-256 of the uncompressed JSON Lines (each row's text and a newline) */
  content_sha256: string
  bytes: number
  archived_at: string
}

export interface Manifest {
  format: 'mission-control-history/1'
  entries: ArchiveEntry[]
}

export interface ArchiveResult {
  folder: string
  manifest: string
  archived: ArchiveEntry[]
  /** partitions whose archive did not verify: still in the database */
  refused: { partition: string; reason: string }[]
}

export interface ArchiveOptions {
  /** YYYY-MM: every month partition entirely before this month */
  before: string
  folder?: string
  context?: ChangeContext
  /**
   * Runs after the files are written and before they are read back: the
   * tests corrupt a file here to prove a bad archive is never followed by
   * a drop.
   */
  afterWrite?: (entries: ArchiveEntry[], folder: string) => Promise<void> | void
  log?: (line: string) => void
}

/** Creates the coming months' partitions (and protects every partition); how many were created. */
export async function ensureHistoryPartitions(monthsAhead = HISTORY_MONTHS_AHEAD) {
  const { rows } = await db
    .connection('bulk')
    .rawQuery('SELECT ensure_history_partitions(?) AS created', [monthsAhead])
  return Number(rows[0].created)
}

export function parseMonth(value: string) {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '')
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[1]) < 1) {
    throw new Error(`expected a month as YYYY-MM, got "${value}"`)
  }
  return `${match[1]}-${match[2]}`
}

interface Partition {
  table: HistoryTable
  partition: string
  month: string
}

async function monthPartitions(trx: TransactionClientContract): Promise<Partition[]> {
  const { rows } = await trx.rawQuery(
    `SELECT p.relname AS parent, c.relname AS partition
     FROM pg_inherits i
     JOIN pg_class c ON c.oid = i.inhrelid
     JOIN pg_class p ON p.oid = i.inhparent
     WHERE i.inhparent IN (SELECT mc_history_parents())
       AND c.relname ~ '_p[0-9]{4}_[0-9]{2}$'
     ORDER BY c.relname`
  )
  return rows
    .filter((row: any) => row.partition === `${row.parent}_p${row.partition.slice(-7)}`)
    .map((row: any) => ({
      table: row.parent as HistoryTable,
      partition: row.partition as string,
      month: (row.partition as string).slice(-7).replace('_', '-'),
    }))
}

/**
 * The partition's rows as row_to_json text, in id order: pages of JSON
 * Lines (each row's text and a newline), read through a cursor of the
 * transaction.
 */
async function* partitionPages(trx: TransactionClientContract, partition: string) {
  const cursor = `history_${partition}`
  await trx.rawQuery(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
     SELECT row_to_json(t)::text AS line FROM ${partition} t ORDER BY id`
  )
  try {
    for (;;) {
      const { rows } = await trx.rawQuery(`FETCH ${FETCH_ROWS} FROM ${cursor}`)
      if (rows.length === 0) return
      yield { rows: rows.length, text: rows.map((row: any) => row.line + '\n').join('') }
    }
  } finally {
    await trx.rawQuery(`CLOSE ${cursor}`)
  }
}

async function fileSha256(path: string) {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/** Count and SHA-256 of the JSON Lines inside a .gz file. */
async function readBack(path: string) {
  const hash = createHash('sha256')
  let rows = 0
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Infinity,
  })
  for await (const line of lines) {
    hash.update(line + '\n')
    rows++
  }
  return { rows, content_sha256: hash.digest('hex') }
}

async function writePartition(
  trx: TransactionClientContract,
  part: Partition,
  folder: string
): Promise<ArchiveEntry> {
  const file = `${part.partition}.jsonl.gz`
  const path = join(folder, file)
  const temporary = `${path}.partial`
  const content = createHash('sha256')
  let rows = 0
  await pipeline(
    Readable.from(
      (async function* () {
        for await (const page of partitionPages(trx, part.partition)) {
          content.update(page.text)
          rows += page.rows
          yield page.text
        }
      })()
    ),
    createGzip({ level: 6 }),
    createWriteStream(temporary)
  )
  await durableRename(temporary, path)
  const { rows: bounds } = await trx.rawQuery(
    `SELECT count(*)::bigint AS n, min(id) AS min_id, max(id) AS max_id FROM ${part.partition}`
  )
  if (Number(bounds[0].n) !== rows) {
    throw new Error(`${part.partition}: wrote ${rows} rows, the table has ${bounds[0].n}`)
  }
  return {
    table: part.table,
    month: part.month,
    partition: part.partition,
    rows,
    min_id: bounds[0].min_id === null ? null : Number(bounds[0].min_id),
    max_id: bounds[0].max_id === null ? null : Number(bounds[0].max_id),
    file,
    sha256: await fileSha256(path),
    content_sha256: content.digest('hex'),
    bytes: (await stat(path)).size,
    archived_at: new Date().toISOString(),
  }
}

/**
 * The file read back: its checksum, its row count, and its rows against a
 * second read of the table (count and SHA-256 of the same ordered text).
 * Resolves with the reason it does not verify, or null.
 */
async function verify(
  trx: TransactionClientContract,
  entry: ArchiveEntry,
  folder: string
): Promise<string | null> {
  const path = join(folder, entry.file)
  try {
    if ((await fileSha256(path)) !== entry.sha256) return 'the file checksum does not match'
    const back = await readBack(path)
    if (back.rows !== entry.rows) return `the file has ${back.rows} rows, ${entry.rows} written`
    const table = createHash('sha256')
    let rows = 0
    for await (const page of partitionPages(trx, entry.partition)) {
      table.update(page.text)
      rows += page.rows
    }
    if (rows !== back.rows) return `the table has ${rows} rows, the file ${back.rows}`
    if (table.digest('hex') !== back.content_sha256) return 'the rows differ from the table'
    if (back.content_sha256 !== entry.content_sha256) return 'the content checksum does not match'
    return null
  } catch (error) {
    return `the file cannot be read back (${(error as Error).message})`
  }
}

async function readManifest(path: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest
    if (!Array.isArray(manifest.entries)) throw new Error('no entries')
    return manifest
  } catch (error: any) {
    if (error?.code === 'ENOENT') return { format: 'mission-control-history/1', entries: [] }
    throw new Error(`cannot read ${path}: ${error.message}`)
  }
}

async function writeManifest(folder: string, added: ArchiveEntry[]) {
  const path = join(folder, 'manifest.json')
  const manifest = await readManifest(path)
  const files = new Set(added.map((entry) => entry.file))
  manifest.entries = [...manifest.entries.filter((entry) => !files.has(entry.file)), ...added].sort(
    (a, b) => a.month.localeCompare(b.month) || a.table.localeCompare(b.table)
  )
  await writeFile(`${path}.partial`, JSON.stringify(manifest, null, 2) + '\n')
  await durableRename(`${path}.partial`, path)
  return path
}

/**
 * Puts a file written in full under its name, on disk before anything is
 * dropped: the file's data, then the folder's entry for the new name (a
 * crash right after the partitions are dropped must not lose the archive).
 */
async function durableRename(temporary: string, path: string) {
  const file = await open(temporary, 'r+')
  try {
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(temporary, path)
  const folder = await open(dirname(path), 'r')
  try {
    await folder.sync()
  } finally {
    await folder.close()
  }
}

/**
 * Archives, verifies, then detaches and drops every month partition of both
 * history tables entirely before `before`, in one transaction that records
 * one `system.history_archived` change. A partition whose archive does not
 * verify stays (listed in `refused`).
 */
const currentMonth = (now = new Date()) =>
  `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`
const minMonth = (a: string, b: string) => (a < b ? a : b)

export async function archiveHistory(options: ArchiveOptions): Promise<ArchiveResult> {
  const before = parseMonth(options.before)
  /* the default is under the app's folder; a folder given is taken from where the command runs */
  const folder = options.folder ? resolve(options.folder) : app.makePath(DEFAULT_ARCHIVE_FOLDER)
  const log = options.log ?? (() => {})
  await mkdir(folder, { recursive: true })
  const manifestPath = join(folder, 'manifest.json')
  /* the board at the cut, kept as a snapshot: replay after it needs no archived event */
  const cutMonth = minMonth(before, currentMonth())
  await takeSnapshot(new Date(`${cutMonth}-01T00:00:00.000Z`))

  return recordChanges(
    options.context ?? SYSTEM,
    async (trx, recorder) => {
      /* row_to_json writes timestamps in the session's zone: UTC, whoever runs it */
      await trx.rawQuery(`SET LOCAL TIME ZONE 'UTC'`)
      await trx.rawQuery(`SET LOCAL lock_timeout = '30s'`)
      /* never this month or a later one, whatever `before` says: they are still being written */
      const until = minMonth(before, currentMonth())
      const parts = (await monthPartitions(trx)).filter((part) => part.month < until)
      if (parts.length === 0) {
        log(`no history partition before ${before}`)
        return { folder, manifest: manifestPath, archived: [], refused: [] }
      }
      /* nothing is written into them from here to the drop */
      for (const part of parts) await trx.rawQuery(`LOCK TABLE ${part.partition} IN SHARE MODE`)

      const written: ArchiveEntry[] = []
      for (const part of parts) {
        const entry = await writePartition(trx, part, folder)
        log(`wrote ${entry.file}: ${entry.rows} rows, sha256 ${entry.sha256}`)
        written.push(entry)
      }
      await options.afterWrite?.(written, folder)

      const archived: ArchiveEntry[] = []
      const refused: ArchiveResult['refused'] = []
      for (const entry of written) {
        const reason = await verify(trx, entry, folder)
        if (reason) {
          refused.push({ partition: entry.partition, reason })
          log(`NOT dropping ${entry.partition}: its archive does not verify (${reason})`)
        } else {
          archived.push(entry)
        }
      }
      if (archived.length === 0) {
        return { folder, manifest: manifestPath, archived, refused }
      }
      await writeManifest(folder, archived)

      /* the database lets the partitions go only in a transaction that records this, naming them */
      await trx.rawQuery(`SET LOCAL mission_control.archiving = 'on'`)
      await recorder.record({
        action: 'system.history_archived',
        resourceType: 'history',
        resourceId: `before-${before}`,
        after: {
          before,
          folder,
          months: [...new Set(archived.map((entry) => entry.month))],
          partitions: archived.map((entry) => entry.partition),
          entries: archived.map(({ archived_at: _, ...entry }) => entry),
          refused,
        },
      })
      for (const entry of archived) {
        await trx.rawQuery(`ALTER TABLE ${entry.table} DETACH PARTITION ${entry.partition}`)
        await trx.rawQuery(`DROP TABLE ${entry.partition}`)
        log(`dropped ${entry.partition} (${entry.rows} rows archived in ${entry.file})`)
      }
      return { folder, manifest: manifestPath, archived, refused }
    },
    { connection: 'bulk', allowNoChange: true }
  )
}

export interface RestoreResult {
  schema: string
  restored: { table: HistoryTable; month: string; rows: number; file: string }[]
  skipped: { file: string; reason: string }[]
}

/**
 * Loads an archive (its manifest.json, or the folder holding it) into the
 * `history_restore` schema: tables task_events and audit_log shaped like
 * the live ones, plain, without triggers, read by nothing of the app. A
 * file whose checksum does not match its manifest is not loaded; a file
 * already loaded is skipped.
 */
export async function restoreHistory(
  source: string,
  options: { context?: ChangeContext; log?: (line: string) => void } = {}
): Promise<RestoreResult> {
  const log = options.log ?? (() => {})
  let manifestPath = resolve(source)
  if ((await stat(manifestPath)).isDirectory()) manifestPath = join(manifestPath, 'manifest.json')
  const manifest = await readManifest(manifestPath)
  const folder = dirname(manifestPath)

  return recordChanges(
    options.context ?? SYSTEM,
    async (trx, recorder) => {
      await trx.rawQuery(`SET LOCAL TIME ZONE 'UTC'`)
      await trx.rawQuery(`CREATE SCHEMA IF NOT EXISTS ${RESTORE_SCHEMA}`)
      for (const table of HISTORY_TABLES) {
        await trx.rawQuery(
          `CREATE TABLE IF NOT EXISTS ${RESTORE_SCHEMA}.${table}
             (LIKE public.${table} INCLUDING CONSTRAINTS, PRIMARY KEY (id))`
        )
      }
      await trx.rawQuery(
        `CREATE TABLE IF NOT EXISTS ${RESTORE_SCHEMA}.restored_files (
           file text PRIMARY KEY, sha256 text NOT NULL, table_name text NOT NULL,
           month text NOT NULL, rows bigint NOT NULL, restored_at timestamptz NOT NULL DEFAULT now())`
      )

      const result: RestoreResult = { schema: RESTORE_SCHEMA, restored: [], skipped: [] }
      for (const entry of manifest.entries) {
        if (!HISTORY_TABLES.includes(entry.table) || basename(entry.file) !== entry.file) {
          result.skipped.push({
            file: String(entry.file),
            reason: 'not an entry of a history table',
          })
          continue
        }
        const path = join(folder, entry.file)
        const done = await trx.rawQuery(
          `SELECT 1 FROM ${RESTORE_SCHEMA}.restored_files WHERE file = ? AND sha256 = ?`,
          [entry.file, entry.sha256]
        )
        if (done.rows.length > 0) {
          result.skipped.push({ file: entry.file, reason: 'already restored' })
          continue
        }
        const checksum = await fileSha256(path).catch((error) => `unreadable: ${error.message}`)
        if (checksum !== entry.sha256) {
          result.skipped.push({
            file: entry.file,
            reason: 'the checksum does not match the manifest',
          })
          log(`NOT restoring ${entry.file}: the checksum does not match the manifest`)
          continue
        }
        let rows = 0
        let batch: string[] = []
        const flush = async () => {
          if (batch.length === 0) return
          /* the archived JSON as it is: json_populate_recordset gives back the same row */
          await trx.rawQuery(
            `INSERT INTO ${RESTORE_SCHEMA}.${entry.table}
             SELECT * FROM json_populate_recordset(NULL::${RESTORE_SCHEMA}.${entry.table}, ?::json)
             ON CONFLICT (id) DO NOTHING`,
            [`[${batch.join(',')}]`]
          )
          batch = []
        }
        const lines = createInterface({
          input: createReadStream(path).pipe(createGunzip()),
          crlfDelay: Infinity,
        })
        for await (const line of lines) {
          batch.push(line)
          rows++
          if (batch.length >= FETCH_ROWS) await flush()
        }
        await flush()
        if (rows !== entry.rows) {
          throw new Error(`${entry.file} has ${rows} rows, its manifest says ${entry.rows}`)
        }
        await trx.rawQuery(
          `INSERT INTO ${RESTORE_SCHEMA}.restored_files (file, sha256, table_name, month, rows)
           VALUES (?, ?, ?, ?, ?)`,
          [entry.file, entry.sha256, entry.table, entry.month, rows]
        )
        result.restored.push({ table: entry.table, month: entry.month, rows, file: entry.file })
        log(`restored ${entry.file} into ${RESTORE_SCHEMA}.${entry.table}: ${rows} rows`)
      }
      if (result.restored.length > 0) {
        await recorder.record({
          action: 'system.history_restored',
          resourceType: 'history',
          resourceId: `restore-${basename(folder)}`,
          after: { manifest: manifestPath, schema: RESTORE_SCHEMA, restored: result.restored },
        })
      }
      return result
    },
    { connection: 'bulk', allowNoChange: true }
  )
}
