import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiException } from '#exceptions/api_exception'
import { recordBulkChanges, type ChangeContext } from '#services/change_recorder'
import { unguardCell } from '#services/copy_stream'
import { lowerCaseHost } from '../validators/lead.js'
import { CsvError, CsvReader, isBlankRecord } from '../services/csv_reader.js'
import { CopyWriter, copyText, transactionConnection } from '../services/copy_in.js'
import {
  guessMapping,
  MAX_COLUMNS,
  rememberedMapping,
  rememberMapping,
  resolveMapping,
  type ImportMapping,
} from '../services/lead_import_mapping.js'
import {
  createCheckedRowsSql,
  createStagingSql,
  INSERT_SQL,
  isValidEmail,
  isValidWebsite,
  rejectionsSql,
  SUPPRESSION_SQL,
} from '../services/lead_import_sql.js'
import { findImport, ImportStatus, type LeadImportRecord } from '../services/lead_imports.js'
import { leadsConfig } from '../config.js'

export interface ImportRequest {
  /** Chosen by the client, so that it can follow the import while it uploads (else a new one). */
  id?: string
  fileName: string
  /** header -> field; without it, the guess the wizard would show (remembered choices first). */
  mapping?: ImportMapping
  /** The body's announced size (Content-Length), for the progress. */
  bytesTotal?: number | null
  /** The CSV's bytes, as they arrive. */
  source: AsyncIterable<Buffer | Uint8Array>
  /**
   * Called once the import has its slot, before it reads: from then on only
   * its idle limit applies (the controller lifts the server's body deadline).
   */
  onStart?: () => void
}

/* At most this many imports at once on one instance: each holds a connection of the `bulk` pool (4). */
const MAX_RUNNING = 2
let running = 0
/* and one at a time per person or agent, so that nobody holds every slot */
const runningBy = new Set<string>()

/**
 * An upload that sends nothing for this long is given up (408), so that a
 * stalled client does not hold an import slot, a connection and a
 * transaction until Node's request timeout (LEAD_IMPORT_IDLE_SECONDS,
 * default 60).
 */
function idleMs() {
  return leadsConfig.uploadIdleSeconds * 1000
}

function invalidCsv(message: string) {
  return new ApiException(422, message, { code: 'E_INVALID_CSV' })
}

/**
 * Imports leads from a CSV file (see services/lead_import_sql.ts for the
 * rules):
 * 1. the header is read and the mapping checked before anything is written
 *    (422 leaves no trace);
 * 2. an import record is created (status `loading`), outside the import's
 *    transaction so that it can be polled, and the mapping is remembered;
 * 3. in one transaction on the `bulk` connection: the rows stream through
 *    COPY FROM STDIN into a temporary staging table (memory stays flat,
 *    whatever the size), are checked in SQL, the valid ones inserted with
 *    one INSERT ... SELECT, the others kept with their reason, and the
 *    import is recorded once: one `lead.imported` event, one audit row
 *    with the counts and the file's name, broadcast after commit;
 * 4. a failure rolls all of it back and marks the record `failed`.
 */
export async function importLeads(
  context: ChangeContext,
  request: ImportRequest
): Promise<LeadImportRecord> {
  const who = `${context.actor.type}:${context.actor.id}`
  if (runningBy.has(who)) {
    throw new ApiException(
      429,
      'You have an import running: wait until it is done before starting another',
      { code: 'E_TOO_MANY_IMPORTS', headers: { 'Retry-After': '30' } }
    )
  }
  if (running >= MAX_RUNNING) {
    throw new ApiException(429, 'Too many imports are running: try again in a minute', {
      code: 'E_TOO_MANY_IMPORTS',
      headers: { 'Retry-After': '30' },
    })
  }
  running++
  runningBy.add(who)
  try {
    request.onStart?.()
    return await runImport(context, request)
  } finally {
    running--
    runningBy.delete(who)
  }
}

const STALLED = Symbol('stalled')

/** Pulls the file chunk by chunk through the UTF-8 decoder and the CSV reader. */
class CsvSource {
  readonly #source: AsyncIterator<Buffer | Uint8Array>
  /* fatal: a file that is not UTF-8 is refused, not imported with replacement characters; the BOM is dropped */
  readonly #decoder = new TextDecoder('utf-8', { fatal: true })
  readonly #reader: CsvReader
  readonly queue: { fields: string[]; row: number }[] = []
  bytes = 0
  ended = false

  constructor(source: AsyncIterable<Buffer | Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]()
    this.#reader = new CsvReader((fields, row) => this.queue.push({ fields, row }))
  }

  /** Reads one more chunk into the queue; false once the file is over. */
  async pull(): Promise<boolean> {
    if (this.ended) return false
    let next: IteratorResult<Buffer | Uint8Array>
    let timer: NodeJS.Timeout | undefined
    const idle = idleMs()
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(STALLED), idle)
    })
    try {
      next = await Promise.race([this.#source.next(), stalled])
    } catch (error) {
      if (error === STALLED) {
        throw new ApiException(
          408,
          `The upload stalled: nothing arrived for ${idle / 1000} s, nothing was imported`,
          // the rest of the body is not read: the connection closes with the answer
          { code: 'E_UPLOAD_STALLED', headers: { Connection: 'close' } }
        )
      }
      throw new ApiException(400, 'The upload was interrupted', { code: 'E_UPLOAD_ABORTED' })
    } finally {
      clearTimeout(timer)
    }
    try {
      if (next.done) {
        this.ended = true
        const rest = this.#decoder.decode()
        if (rest) this.#reader.push(rest)
        this.#reader.end()
        return false
      }
      this.bytes += next.value.byteLength
      this.#reader.push(this.#decoder.decode(next.value, { stream: true }))
      return true
    } catch (error) {
      if (error instanceof CsvError) throw invalidCsv(error.message)
      if (error instanceof TypeError) {
        throw invalidCsv(
          `The file is not UTF-8 text (an invalid byte within its first ${this.bytes.toLocaleString('en')} bytes): save it as "CSV UTF-8"`
        )
      }
      throw error
    }
  }
}

/** A column name as the mapping knows it: without the rejected-rows file's formula guard, trimmed. */
export const headerName = (name: string) => unguardCell(name).trim()

/** The first non-blank record: the column names. */
async function readHeader(source: CsvSource) {
  for (;;) {
    while (source.queue.length) {
      const record = source.queue.shift()!
      if (!isBlankRecord(record.fields)) return record.fields.map(headerName)
    }
    if (!(await source.pull())) {
      throw invalidCsv('The file is empty: its first row must name the columns')
    }
  }
}

async function runImport(context: ChangeContext, request: ImportRequest) {
  const source = new CsvSource(request.source)
  // a refusal here leaves the rest of the body unread: Node discards it once the answer is sent
  const headers = await readHeader(source)
  if (headers.length > MAX_COLUMNS) {
    throw invalidCsv(`The file has ${headers.length} columns: at most ${MAX_COLUMNS}`)
  }
  const mapping =
    request.mapping ?? guessMapping(headers, await rememberedMapping(context.actor)).mapping
  const columns = resolveMapping(headers, mapping)

  const id = request.id ?? randomUUID()
  try {
    await db.table('lead_imports').insert({
      id,
      actor_type: context.actor.type,
      actor_id: context.actor.id,
      file_name: request.fileName,
      status: ImportStatus.Loading,
      headers: JSON.stringify(headers),
      mapping: JSON.stringify(mapping),
      bytes_total: request.bytesTotal ?? null,
    })
  } catch (error: any) {
    if (error?.code === '23505') {
      throw new ApiException(409, `An import with the id ${id} exists already`, {
        code: 'E_IMPORT_EXISTS',
        field: 'id',
      })
    }
    throw error
  }
  await rememberMapping(context.actor, mapping)

  const progress = new ImportProgress(id, request.bytesTotal ?? null)
  progress.start()
  try {
    await recordBulkChanges(context, async (trx, recorder) => {
      const rows = await loadRows(trx, source, headers.length, columns, progress)
      const counts = await checkAndInsert(trx, id, headers.length, columns, rows, progress)
      await progress.stop()
      const payload = {
        import_id: id,
        file_name: request.fileName,
        rows,
        imported: counts.imported,
        rejected: rows - counts.imported,
        rejected_by_reason: counts.byReason,
      }
      await recorder.record({
        action: 'lead.imported',
        resourceType: 'leads',
        resourceId: id,
        kind: 'created',
        entityType: 'lead',
        after: payload,
        payload,
      })
      await trx
        .from('lead_imports')
        .where('id', id)
        .update({
          status: ImportStatus.Done,
          bytes_received: source.bytes,
          rows_total: rows,
          imported: counts.imported,
          rejected: rows - counts.imported,
          rejected_by_reason: JSON.stringify(counts.byReason),
          progress: 100,
          heartbeat_at: db.knexRawQuery('now()'),
          updated_at: db.knexRawQuery('now()'),
          finished_at: db.knexRawQuery('now()'),
        })
    })
  } catch (error) {
    await progress.stop()
    const known = error instanceof ApiException
    if (!known) logger.error({ err: error, importId: id }, 'lead import failed')
    await db
      .from('lead_imports')
      .where('id', id)
      .whereNot('status', ImportStatus.Done)
      .update({
        status: ImportStatus.Failed,
        error: known ? error.message : 'The import failed on the server: nothing was imported',
        updated_at: db.knexRawQuery('now()'),
        finished_at: db.knexRawQuery('now()'),
      })
      .catch(() => {})
    throw error
  }
  return (await findImport(id))!
}

/** A cell as the SQL steps read it (services/lead_import_sql.ts: unguard, then trim). */
const cellValue = (value: string) => unguardCell(value).trim()

/** Streams the data rows into the staging table; resolves with how many there were. */
async function loadRows(
  trx: TransactionClientContract,
  source: CsvSource,
  width: number,
  columns: ReturnType<typeof resolveMapping>,
  progress: ImportProgress
) {
  await trx.rawQuery(`SET LOCAL work_mem = '64MB'`)
  await trx.rawQuery(createStagingSql(width))
  const copy = new CopyWriter(
    await transactionConnection(trx),
    'COPY lead_import_raw FROM STDIN (FORMAT text)'
  )
  const websiteAt = columns.get('website')!
  const emailAt = columns.get('email')
  let rows = 0

  const encode = (fields: string[], row: number) => {
    let problem: string | null = null
    if (fields.length !== width) {
      problem = `this row has ${fields.length} values, the header has ${width}`
      fields.length = width
    }
    let line = ''
    for (let i = 0; i < width; i++) {
      let cell = fields[i]
      if (cell === undefined) {
        line += '\t\\N'
        continue
      }
      if (cell.includes('\u0000')) {
        problem ??= 'a cell holds a NUL character, which no text column can store'
        cell = cell.replaceAll('\u0000', '')
        fields[i] = cell
      }
      line += '\t' + copyText(cell)
    }
    const website = fields[websiteAt] === undefined ? '' : cellValue(fields[websiteAt])
    const websiteOk = website === '' ? '\\N' : isValidWebsite(website) ? 't' : 'f'
    let emailOk = '\\N'
    let email = '\\N'
    if (emailAt !== undefined && fields[emailAt]) {
      const value = cellValue(fields[emailAt])
      if (value !== '') {
        emailOk = isValidEmail(value) ? 't' : 'f'
        email = copyText(value.toLowerCase())
      }
    }
    const stored = website === '' ? '\\N' : copyText(lowerCaseHost(website))
    return `${row}\t${copyText(problem)}\t${websiteOk}\t${emailOk}\t${email}\t${stored}${line}\n`
  }

  try {
    for (;;) {
      while (source.queue.length) {
        const { fields, row } = source.queue.shift()!
        if (isBlankRecord(fields)) continue
        await copy.write(encode(fields, row))
        rows++
      }
      progress.loaded(rows, source.bytes)
      if (!(await source.pull()) && source.queue.length === 0) break
    }
    await copy.end()
  } catch (error) {
    await copy.abort(error as Error)
    throw error
  }
  progress.loaded(rows, source.bytes)
  return rows
}

/** The set-based steps: check, suppress, insert, keep the refused rows; the counts. */
async function checkAndInsert(
  trx: TransactionClientContract,
  id: string,
  width: number,
  columns: ReturnType<typeof resolveMapping>,
  rows: number,
  progress: ImportProgress
) {
  progress.phase(ImportStatus.Checking, 52)
  await trx.rawQuery(createCheckedRowsSql(columns))
  // statistics for the planner: the joins below choose between probing indexes and hashing by them
  await trx.rawQuery('ANALYZE lead_import_rows')
  if (await suppressionListExists(trx)) {
    await trx.rawQuery(SUPPRESSION_SQL)
  }
  // else: a database without the suppression list (its migration not run) has nothing to refuse

  await trx.rawQuery('CREATE TEMP TABLE lead_import_inserted (id uuid) ON COMMIT DROP')
  const {
    rows: [estimate],
  } = await trx.rawQuery(
    `SELECT pg_relation_size('leads') AS heap,
       (SELECT count(*) FROM lead_import_rows WHERE errors = '' AND suppressed IS NULL) AS valid,
       (SELECT avg(pg_column_size(s.*)) FROM (SELECT * FROM lead_import_rows LIMIT 1000) s) AS width`
  )
  progress.inserting(Number(estimate.heap), Number(estimate.valid) * (Number(estimate.width) + 28))
  const inserted = await trx.rawQuery(INSERT_SQL)
  const imported = inserted.rowCount ?? 0

  progress.phase(ImportStatus.Inserting, 98)
  await trx.rawQuery('ANALYZE lead_import_inserted')
  await trx.rawQuery(rejectionsSql(width), [id])
  const { rows: reasons } = await trx.rawQuery(
    `SELECT reason, count(*)::int AS n FROM lead_import_rejections WHERE import_id = ? GROUP BY reason`,
    [id]
  )
  const byReason: Record<string, number> = {
    invalid: 0,
    duplicate: 0,
    duplicate_in_file: 0,
    suppressed: 0,
  }
  for (const { reason, n } of reasons) byReason[reason] = n
  if (imported + Object.values(byReason).reduce((a, b) => a + b, 0) !== rows) {
    throw new Error(
      `lead import ${id}: ${rows} rows, ${imported} imported, rejections do not add up`
    )
  }
  return { imported, byReason }
}

/**
 * The do-not-contact list (suppressions, with its key functions) is one
 * more set-based step when the database has it and it is not empty.
 */
async function suppressionListExists(trx: TransactionClientContract) {
  const {
    rows: [found],
  } = await trx.rawQuery(
    `SELECT to_regclass('suppressions') IS NOT NULL
       AND to_regprocedure('leads_email_domain(text)') IS NOT NULL
       AND to_regprocedure('leads_website_host(text)') IS NOT NULL
       AND to_regclass('suppression_keys') IS NOT NULL AS present`
  )
  if (!found.present) return false
  const {
    rows: [any],
  } = await trx.rawQuery('SELECT EXISTS (SELECT 1 FROM suppressions) AS present')
  return Boolean(any.present)
}

/**
 * The import record while the import runs: written every second from
 * outside the import's transaction (which nobody else can see into), as
 * the heartbeat that tells a running import from one whose server died.
 * Progress: loading is 0-50 % (bytes received of the announced size),
 * checking ~52 %, inserting 55-97 % (estimated from the growth of the
 * leads table's heap: one INSERT reports nothing while it runs), done 100.
 */
class ImportProgress {
  #timer: NodeJS.Timeout | undefined
  #writing: Promise<unknown> | null = null
  #status: ImportStatus = ImportStatus.Loading
  #percent = 0
  #rows = 0
  #bytes = 0
  #heapBefore = 0
  #heapExpected = 0

  constructor(
    readonly id: string,
    readonly bytesTotal: number | null
  ) {}

  start() {
    this.#timer = setInterval(() => void this.#flush(), 1000)
  }

  loaded(rows: number, bytes: number) {
    this.#rows = rows
    this.#bytes = bytes
    if (this.bytesTotal) this.#percent = Math.min(50, Math.floor((bytes / this.bytesTotal) * 50))
  }

  phase(status: ImportStatus, percent: number) {
    this.#status = status
    this.#percent = percent
    this.#heapExpected = 0
  }

  inserting(heapBefore: number, expectedGrowth: number) {
    this.phase(ImportStatus.Inserting, 55)
    this.#heapBefore = heapBefore
    this.#heapExpected = expectedGrowth
  }

  async #flush() {
    if (this.#writing) return
    this.#writing = (async () => {
      if (this.#heapExpected > 0) {
        const {
          rows: [size],
        } = await db.rawQuery(`SELECT pg_relation_size('leads') AS heap`)
        const share = (Number(size.heap) - this.#heapBefore) / this.#heapExpected
        this.#percent = Math.max(this.#percent, 55 + Math.floor(Math.min(1, share) * 42))
      }
      await db
        .from('lead_imports')
        .where('id', this.id)
        .whereIn('status', [ImportStatus.Loading, ImportStatus.Checking, ImportStatus.Inserting])
        .update({
          status: this.#status,
          rows_total: this.#rows,
          bytes_received: this.#bytes,
          progress: this.#percent,
          heartbeat_at: db.knexRawQuery('now()'),
          updated_at: db.knexRawQuery('now()'),
        })
    })()
      .catch(() => {})
      .finally(() => (this.#writing = null))
  }

  /** No more writes from outside: the transaction writes the final state. */
  async stop() {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.#writing
  }
}
