import type { HttpContext } from '@adonisjs/core/http'
import { Readable } from 'node:stream'
import LeadPolicy from '../policies/lead_policy.js'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext } from '#services/change_recorder'
import { exportSettings, openExportConnection } from '#services/export_connections'
import { openExportStream } from '../services/lead_export.js'
import { headerName, importLeads } from '../actions/import_leads.js'
import { liftBodyDeadline } from '#services/body_deadline'
import { importOptionsValidator, previewOptionsValidator } from '../validators/lead_import.js'
import {
  guessMapping,
  IMPORT_FIELDS,
  MAX_COLUMNS,
  REQUIRED_FIELDS,
  rememberedMapping,
  type ImportMapping,
} from '../services/lead_import_mapping.js'
import { isBlankRecord, readCsvText, CsvError } from '../services/csv_reader.js'
import { leadsConfig } from '../config.js'
import {
  csvLine,
  findImport,
  ImportStatus,
  listImports,
  rejectedRowsSql,
  type LeadImportRecord,
} from '../services/lead_imports.js'

/* What a raw CSV body may be sent as (spreadsheets and browsers label CSV files variously). */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel']

/** Rows a preview shows. */
const PREVIEW_ROWS = 20

function mappingFrom(json: string | undefined): ImportMapping | undefined {
  if (json === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    parsed = undefined
  }
  const valid =
    parsed !== null &&
    typeof parsed === 'object' &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((field) => field === null || typeof field === 'string')
  if (!valid) {
    throw new ApiException(
      422,
      'mapping must be a JSON object of CSV column -> lead field (or null to skip the column)',
      { field: 'mapping', code: 'E_IMPORT_MAPPING' }
    )
  }
  return Object.assign(Object.create(null), parsed) as ImportMapping
}

export default class LeadImportsController {
  /**
   * POST /api/leads/import: the CSV as the body (`text/csv`), or as the
   * `file` field of a multipart form; options in the query string. Answers
   * 201 with the import record once it is done.
   */
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('import')
    const options = await importOptionsValidator.validate(ctx.request.qs())
    const mapping = mappingFrom(options.mapping)
    const context = actorFromContext(ctx)
    const bytesTotal = Number(ctx.request.header('content-length')) || null
    // the upload has no time limit once its import runs (it gives up when nothing arrives for a while)
    const onStart = () => liftBodyDeadline(ctx.request.request)

    let record: LeadImportRecord | undefined
    if (ctx.request.is(['multipart/form-data'])) {
      const multipart = ctx.request.multipart
      let failure: unknown
      // one import per request: the first file part; any other is read and dropped
      let importing: Promise<void> | undefined
      multipart.onFile('file', {}, (part) => {
        if (importing) {
          part.resume()
          return Promise.resolve()
        }
        importing = (async () => {
          try {
            record = await importLeads(context, {
              id: options.id,
              fileName: options.file_name ?? part.filename ?? 'upload.csv',
              mapping,
              bytesTotal,
              source: part,
              onStart,
            })
          } catch (error) {
            // stop reading the form: the answer goes out now, the rest of the body is discarded
            failure = error
            multipart.abort(error)
          }
        })()
        return importing
      })
      try {
        // no size limit: the file part streams into the import, never into memory or a temporary file
        await multipart.process({ limit: 0 } as any)
      } catch (error) {
        // what the form did after the file cannot undo an import that committed: its record is the answer
        await importing
        if (!record) throw failure ?? error
      }
      await importing
      if (failure) throw failure
      if (!record) {
        throw new ApiException(422, 'Send the CSV file in the "file" field of the form', {
          field: 'file',
          code: 'E_INVALID_CSV',
        })
      }
    } else if (ctx.request.is(CSV_TYPES)) {
      record = await importLeads(context, {
        id: options.id,
        fileName: options.file_name ?? 'upload.csv',
        mapping,
        bytesTotal,
        source: ctx.request.request,
        onStart,
      })
    } else {
      throw new ApiException(
        422,
        'Send the CSV as the body (Content-Type: text/csv) or as the "file" field of a multipart/form-data form',
        { code: 'E_INVALID_CSV' }
      )
    }
    return ctx.response.created(record)
  }

  /**
   * POST /api/leads/import/preview: the file's first part as the body
   * (`text/csv`, at most 1 MB; `?partial=true` when it was cut). Answers
   * the headers, the first rows and the mapping the import would use
   * (remembered choices first, then guessed from the headers).
   */
  async preview(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('import')
    const { partial } = await previewOptionsValidator.validate(ctx.request.qs())
    if (!ctx.request.is(CSV_TYPES)) {
      throw new ApiException(422, 'Send the start of the CSV file as the body (text/csv)', {
        code: 'E_INVALID_CSV',
      })
    }
    let records: string[][]
    try {
      records = readCsvText(ctx.request.raw() ?? '', { partial, limit: PREVIEW_ROWS + 50 }).filter(
        (fields) => !isBlankRecord(fields)
      )
    } catch (error) {
      if (error instanceof CsvError) {
        throw new ApiException(422, error.message, { code: 'E_INVALID_CSV' })
      }
      throw error
    }
    if (records.length === 0) {
      throw new ApiException(422, 'The file is empty: its first row must name the columns', {
        code: 'E_INVALID_CSV',
      })
    }
    const headers = records[0].map(headerName)
    if (headers.length > MAX_COLUMNS) {
      throw new ApiException(
        422,
        `The file has ${headers.length} columns: at most ${MAX_COLUMNS}`,
        {
          code: 'E_INVALID_CSV',
        }
      )
    }
    const guess = guessMapping(headers, await rememberedMapping(actorFromContext(ctx).actor))
    return {
      headers,
      rows: records.slice(1, PREVIEW_ROWS + 1),
      mapping: guess.mapping,
      remembered: guess.remembered,
      fields: IMPORT_FIELDS.map((name) => ({ name, required: REQUIRED_FIELDS.includes(name) })),
    }
  }

  /**
   * GET /api/leads/imports: past and running imports, newest first: one's
   * own; every one for who reads the audit log (admins).
   */
  async index(ctx: HttpContext) {
    const policy = ctx.bouncer.with(LeadPolicy)
    await policy.authorize('import')
    const all = await policy.allows('viewAllImports')
    return listImports(ctx, all ? null : ctx.auth.getUserOrFail().id)
  }

  /** GET /api/leads/imports/:id: status, counts and progress (poll it while the import runs). */
  async show(ctx: HttpContext) {
    return this.#visibleImport(ctx)
  }

  /**
   * GET /api/leads/imports/:id/rejected.csv: the rows that were not
   * imported, each with its reason, under the file's own headers.
   */
  async rejected(ctx: HttpContext) {
    const record = await this.#visibleImport(ctx)
    if (record.status !== ImportStatus.Done) {
      throw new ApiException(409, `This import is ${record.status}: it has no rejected rows`, {
        code: 'E_IMPORT_NOT_DONE',
      })
    }
    if (record.rejected_rows_removed_at) {
      throw new ApiException(
        410,
        `The rejected rows of this import were removed on ${record.rejected_rows_removed_at.slice(0, 10)}, ` +
          `${leadsConfig.rejectedRowsDays} days after it finished (its counts are kept)`,
        { code: 'E_REJECTED_ROWS_REMOVED' }
      )
    }
    const connection = await openExportConnection(String(ctx.auth.user!.id))
    const rows = await openExportStream(
      rejectedRowsSql(record.id, record.headers.length),
      connection,
      { stallMs: exportSettings.stallMs }
    )
    const header = csvLine(['row', 'reason', 'message', ...record.headers])
    // COPY's own header line (c1, c2, ...) gives way to the file's headers
    async function* body() {
      yield Buffer.from(header)
      let skipped = false
      for await (const chunk of rows as AsyncIterable<Buffer>) {
        if (skipped) {
          yield chunk
          continue
        }
        const end = chunk.indexOf(10)
        if (end === -1) continue
        skipped = true
        if (end + 1 < chunk.length) yield chunk.subarray(end + 1)
      }
    }
    const base = record.file_name.replace(/\.csv$/i, '').slice(0, 100) || 'import'
    // a header holds Latin-1 only (anything else throws inside the response): an ASCII name, and the real one encoded
    const ascii = base.replace(/[^A-Za-z0-9._-]+/g, '_')
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header(
      'content-disposition',
      `attachment; filename="${ascii}-rejected.csv"; filename*=UTF-8''${rfc5987(`${base}-rejected.csv`)}`
    )
    ctx.response.header('cache-control', 'no-store')
    ctx.response.stream(Readable.from(body(), { objectMode: false }))
  }

  /** The import, to whoever started it and to admins; 404 for anyone else (its existence is theirs). */
  async #visibleImport(ctx: HttpContext) {
    const policy = ctx.bouncer.with(LeadPolicy)
    await policy.authorize('import')
    const record = await findImport(ctx.params.id)
    if (!record || (await policy.denies('viewImport', record))) {
      throw ApiException.notFound('Import')
    }
    return record
  }
}

/** A header parameter's value in UTF-8, percent-encoded as RFC 5987 wants it. */
function rfc5987(value: string) {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  )
}
