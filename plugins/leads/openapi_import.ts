/**
 * The CSV import's routes in the OpenAPI document (spread into openapi.ts).
 */
import { dateTime, enumOf, listOf, nullable, record, ref, text, uuid } from '#openapi/kit'
import type { OpenApiContribution } from '#openapi/kit'
import { LeadPermission } from './permissions.js'
import { IMPORT_FIELDS, MAX_COLUMNS } from './services/lead_import_mapping.js'
import { IMPORT_DEFAULTS } from './services/lead_import_sql.js'
import { IMPORT_LIST, ImportStatus, REJECTION_REASONS } from './services/lead_imports.js'

const IMPORT_ID = '3d9a7c1e-2b4f-4e6a-9c8d-7f1e2a3b4c5d'
const AT = '2026-03-01T10:00:00.000Z'

const mapping = {
  'Company': 'business_name',
  'Industry': 'niche',
  'City': 'region',
  'Web': 'website',
  'E-mail': 'email',
  'Internal id': null,
}

const importRecord = {
  id: IMPORT_ID,
  status: 'done',
  file_name: 'trade-show-2026.csv',
  headers: Object.keys(mapping),
  mapping,
  created_by: { type: 'user', id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
  rows: 1200,
  imported: 1150,
  rejected: 50,
  rejected_by_reason: { invalid: 12, duplicate: 30, duplicate_in_file: 8, suppressed: 0 },
  bytes_received: 183_204,
  bytes_total: 183_204,
  progress: 100,
  error: null,
  rejected_csv: `/api/leads/imports/${IMPORT_ID}/rejected.csv`,
  rejected_rows_removed_at: null,
  created_at: AT,
  updated_at: AT,
  finished_at: AT,
}

const CSV_EXAMPLE =
  'Company,Industry,City,Web,E-mail,Internal id\r\n' +
  'Bright Smile Dental,Dentists,"Austin, TX",brightsmile.example.com,priya@brightsmile.example.com,17\r\n'

const fieldOf = enumOf(IMPORT_FIELDS)

const MAPPING_SCHEMA = {
  type: 'object',
  additionalProperties: nullable(fieldOf),
  description:
    'CSV column (its header, as in the file) → lead field, or null: the column is not imported.',
}

const RULES = [
  'Rows are checked with the rules of `POST /api/leads` (lengths, required fields, enums, the website pattern, the e-mail rule); text is trimmed.',
  'In a CSV an empty cell is an absent field: empty optional fields are stored as null, and fields with a default take it',
  `(\`source\` ${IMPORT_DEFAULTS.source}, \`lead_score\` ${IMPORT_DEFAULTS.lead_score}, \`status\` ${IMPORT_DEFAULTS.status}).`,
  '`notes`: one note per line (a leading "•" is dropped, blank lines too), as the export writes them.',
  "A cell the leads export guarded against formulas (`'=`, `'+`, `'-`, `'@`) is read without its apostrophe.",
  'Duplicates follow the rule of single creates (the normalized website and e-mail), against the leads already there and within the file:',
  'rows are taken in file order, so of two rows with the same website or e-mail the first is imported.',
  'Rows on the do-not-contact list are refused (`suppressed`).',
].join(' ')

export const IMPORT_SCHEMAS: OpenApiContribution['schemas'] = {
  LeadImport: record(
    {
      id: uuid(),
      status: enumOf(
        Object.values(ImportStatus),
        '`loading` (rows arriving), `checking`, `inserting`, then `done` or `failed`.'
      ),
      file_name: text(),
      headers: {
        type: 'array',
        items: { type: 'string' },
        description: 'The file’s column names.',
      },
      mapping: MAPPING_SCHEMA,
      created_by: record({ type: enumOf(['user', 'agent']), id: nullable(uuid()) }),
      rows: { type: 'integer', description: 'Data rows read so far (blank lines are not rows).' },
      imported: { type: 'integer' },
      rejected: { type: 'integer' },
      rejected_by_reason: record(
        Object.fromEntries(REJECTION_REASONS.map((reason) => [reason, { type: 'integer' }])),
        '`invalid`: a field breaks a rule; `duplicate`: a lead has this website or e-mail; `duplicate_in_file`: an earlier row of the file has it; `suppressed`: on the do-not-contact list.'
      ),
      bytes_received: { type: 'integer' },
      bytes_total: nullable({ type: 'integer', description: 'Content-Length, when sent.' }),
      progress: {
        type: 'integer',
        minimum: 0,
        maximum: 100,
        description:
          'Percent, for a progress bar: loading 0-50 (bytes received, when Content-Length is known), checking ~52, inserting 55-97 (estimated), done 100.',
      },
      error: nullable(text('Why it failed (nothing was imported).')),
      rejected_csv: nullable(
        text(
          'Where to download the rejected rows, once done with some (null once they were removed).'
        )
      ),
      rejected_rows_removed_at: nullable(
        dateTime(
          'When the rejected rows were removed: they are kept `LEAD_IMPORT_REJECTED_ROWS_DAYS` (30) days after the import finished. The counts stay.'
        )
      ),
      created_at: dateTime(),
      updated_at: dateTime(),
      finished_at: nullable(dateTime()),
    },
    'A CSV import of leads: its progress while it runs, its counts once done.'
  ),
  LeadImportPreview: record(
    {
      headers: { type: 'array', items: { type: 'string' } },
      rows: {
        type: 'array',
        items: { type: 'array', items: { type: 'string' } },
        description: 'The first 20 data rows.',
      },
      mapping: MAPPING_SCHEMA,
      remembered: {
        type: 'array',
        items: { type: 'string' },
        description: 'The headers whose mapping is this person’s choice from an earlier import.',
      },
      fields: {
        type: 'array',
        items: record({ name: fieldOf, required: { type: 'boolean' } }),
        description: 'The lead fields a column may fill.',
      },
    },
    'The start of a CSV file as the import reads it, and the mapping it would use.'
  ),
}

export const IMPORT_PATHS: OpenApiContribution['paths'] = {
  '/api/leads/import': {
    post: {
      operationId: 'importLeads',
      summary: 'Import leads from a CSV file',
      description: [
        'The file is the body (`Content-Type: text/csv`), or the `file` field of a `multipart/form-data` form; it streams into the database as it arrives (no size limit, memory stays flat). UTF-8, with or without a BOM; RFC 4180 quoting (commas, quotes and line breaks inside quotes); the first row names the columns (at most',
        `${MAX_COLUMNS}).`,
        'Options are query parameters. The answer comes once the import is done (201, the import record); follow a long one with `GET /api/leads/imports/{id}` using an `id` you chose.',
        RULES,
        'Valid rows are imported, the others kept with their reason (`GET /api/leads/imports/{id}/rejected.csv`); the import is recorded once: one `lead.imported` event and one audit row with the counts and the file name.',
        'A file that is not UTF-8, or a quote left open, fails the import whole (422, nothing imported; its record says why). The mapping is remembered for this person, by column header.',
      ].join(' '),
      access: LeadPermission.Import,
      query: {
        mapping: {
          schema: { type: 'string' },
          description:
            'A JSON object: CSV column → lead field or null. Without it: this person’s remembered choices, then the columns named like a field (`GET` the guess with the preview). `business_name`, `niche`, `region` and `website` must be mapped.',
          example: JSON.stringify(mapping),
        },
        file_name: {
          schema: { type: 'string', maxLength: 255 },
          description:
            'Shown in the record and the audit row (multipart: the file’s own name by default).',
        },
        id: {
          schema: { type: 'string', format: 'uuid' },
          description:
            'The import’s id, chosen by the client to poll it while it runs (409 if taken).',
        },
      },
      body: {
        schema: {},
        sizeLimit: false,
        mediaTypes: {
          'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE },
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary' } },
              required: ['file'],
            },
          },
        },
      },
      errors: {
        409: 'The `id` is taken by another import (`E_IMPORT_EXISTS`).',
        422: 'The mapping leaves a required field unmapped, maps two columns to one field or names a column the file has not (`E_IMPORT_MAPPING`); the file is empty, not UTF-8, has an unclosed quote or is not CSV (`E_INVALID_CSV`). Nothing is imported.',
        408: 'The upload stalled: nothing arrived for `LEAD_IMPORT_IDLE_SECONDS` (60) (`E_UPLOAD_STALLED`; the connection closes). Nothing is imported.',
        429: 'The caller has an import running, or two imports already run on this instance (`E_TOO_MANY_IMPORTS`; `Retry-After`), or an agent’s rate limit.',
      },
      response: {
        status: 201,
        description: 'The import, done.',
        schema: ref('LeadImport'),
        example: importRecord,
      },
    },
  },
  '/api/leads/import/preview': {
    post: {
      operationId: 'previewLeadImport',
      summary: 'Preview a CSV file and the mapping its import would use',
      description:
        'The start of the file as the body (`text/csv`, at most 1 MB; `?partial=true` when it was cut anywhere: the unfinished last row is left out). Writes nothing.',
      access: LeadPermission.Import,
      query: {
        partial: {
          schema: { type: 'boolean' },
          description: 'The body is the start of a longer file.',
        },
      },
      body: {
        schema: {},
        mediaTypes: { 'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE } },
      },
      errors: { 422: 'Empty, not CSV, or more columns than the import takes (`E_INVALID_CSV`).' },
      response: {
        status: 200,
        description: 'The headers, the first rows and the proposed mapping.',
        schema: ref('LeadImportPreview'),
        example: {
          headers: Object.keys(mapping),
          rows: [
            [
              'Bright Smile Dental',
              'Dentists',
              'Austin, TX',
              'brightsmile.example.com',
              'priya@brightsmile.example.com',
              '17',
            ],
          ],
          mapping,
          remembered: ['Internal id'],
          fields: IMPORT_FIELDS.map((name) => ({
            name,
            required: ['business_name', 'niche', 'region', 'website'].includes(name),
          })),
        },
      },
    },
  },
  '/api/leads/imports': {
    get: {
      operationId: 'listLeadImports',
      summary: 'List past and running imports',
      description:
        'Newest first: the caller’s own imports; admins (who read the audit log) see everyone’s. An import whose server stopped mid-way shows `failed`. Each done import with refused rows links its rejected rows (`rejected_csv`).',
      access: LeadPermission.Import,
      list: IMPORT_LIST,
      response: {
        status: 200,
        description: 'A page of imports.',
        schema: listOf('LeadImport'),
        example: [importRecord],
      },
    },
  },
  '/api/leads/imports/{id}': {
    get: {
      operationId: 'getLeadImport',
      summary: 'Get an import (status, counts, progress)',
      description:
        'Poll it while the import runs (its numbers are written every second). Its creator and admins may read it; for anyone else it does not exist (404). An import whose server stopped mid-way shows `failed`.',
      access: LeadPermission.Import,
      response: {
        status: 200,
        description: 'The import.',
        schema: ref('LeadImport'),
        example: importRecord,
      },
    },
  },
  '/api/leads/imports/{id}/rejected.csv': {
    get: {
      operationId: 'getLeadImportRejections',
      summary: 'Download the rows an import refused',
      description:
        "CSV (UTF-8): `row` (its number in the file, the header being row 1), `reason` (`invalid`, `duplicate`, `duplicate_in_file`, `suppressed`), `message` (every refused field, or the lead or row it duplicates, or the do-not-contact entry), then the row's cells under the file's own headers. A cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` (the import reads it back without). Streamed on an export connection (the export's limits apply).",
      access: LeadPermission.Import,
      errors: {
        409: 'The import is not done (`E_IMPORT_NOT_DONE`).',
        410: 'The rejected rows were removed, `LEAD_IMPORT_REJECTED_ROWS_DAYS` (30) days after the import finished (`E_REJECTED_ROWS_REMOVED`); the import keeps its counts.',
        429: 'Too many exports running (`E_TOO_MANY_EXPORTS`).',
      },
      response: {
        status: 200,
        description: 'The rejected rows.',
        contentType: 'text/csv',
        schema: { type: 'string' },
        example:
          'row,reason,message,Company,Industry,City,Web,E-mail,Internal id\n' +
          '7,invalid,website is not a valid website address,Joe’s Roofing,Roofers,"Boise, ID",joes roofing,,18\n',
        headers: {
          'Content-Disposition': {
            description: '`attachment; filename="<file name>-rejected.csv"`.',
            schema: { type: 'string' },
          },
        },
      },
    },
  },
}
