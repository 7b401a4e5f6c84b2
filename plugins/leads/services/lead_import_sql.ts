/**
 * The SQL of a CSV import's set-based steps (actions/import_leads.ts), built
 * from the API's own validator: the lengths, enums and required fields come
 * from `createLeadValidator`'s JSON Schema, so a limit changed there changes
 * the import too.
 *
 * Two rules are not SQL and are decided in Node as each row streams by
 * (its staging row carries the verdict, `website_ok` and `email_ok`):
 * - the website pattern uses Unicode property classes (`\p{L}`, `\p{N}`)
 *   that PostgreSQL's regular expressions do not have; the import runs the
 *   validator's own RegExp (WEBSITE);
 * - the e-mail rule is validator.js's isEmail (domain labels, quoted local
 *   parts, lengths in bytes), which VineJS calls; the import calls the same
 *   function, behind a stricter pattern that lets ordinary addresses
 *   through without it (see isValidEmail).
 * Everything else (trimming as JavaScript trims, lengths counted as
 * JavaScript counts them, required fields, enums, notes) is SQL over the
 * whole staging table at once.
 */
import pg from 'pg'
import vine from '@vinejs/vine'
import { createLeadValidator, WEBSITE } from '../validators/lead.js'
import { IMPORT_FIELDS, type ImportField } from './lead_import_mapping.js'
import { formulaUnguard } from '#services/copy_stream'

const SCHEMA = (createLeadValidator as any).toJSONSchema() as {
  properties: Record<string, any>
  required: string[]
}

/** Defaults of fields a file leaves empty (the API's, but `source`: these leads came from a file). */
export const IMPORT_DEFAULTS = { source: 'import', lead_score: 'C', status: 'new' } as const

/* String.prototype.trim's characters (what `vine.string().trim()` removes): WhiteSpace and LineTerminator. */
const JS_WHITESPACE =
  ' \t\n\u000b\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff'
const WS = pg.escapeLiteral(JS_WHITESPACE)

/** `value.trim()` in SQL. */
export const jsTrim = (expression: string) => `btrim(${expression}, ${WS})`

/**
 * `value.length > max` as JavaScript counts (UTF-16 code units: a character
 * beyond U+FFFF counts twice). No string has more code units than UTF-8
 * bytes, so the exact count runs only for values with more bytes than max.
 */
export const jsTooLong = (expression: string, max: number) =>
  `(octet_length(${expression}) > ${max} AND char_length(${expression}) + ` +
  `char_length(regexp_replace(${expression}, '[^\\U00010000-\\U0010FFFF]', '', 'g')) > ${max})`

/**
 * Undoes the export's formula guard: a cell the leads export (or the
 * rejected-rows file) wrote as `'=...`, `'+...`, `'-...`, `'@...` is read
 * back without the apostrophe, so an exported file imports as it was.
 */
export const unguard = formulaUnguard

const sqlList = (values: readonly string[]) => values.map((v) => pg.escapeLiteral(v)).join(', ')

/* A stricter pattern than isEmail's rules: whatever matches it, isEmail accepts (tests check it on many addresses). */
const SIMPLE_EMAIL =
  /^(?=[^@]{1,64}@)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

/** `vine.string().email()` on a trimmed value: validator.js's isEmail, with a fast path for plain addresses. */
export function isValidEmail(value: string) {
  return (value.length <= 254 && SIMPLE_EMAIL.test(value)) || vine.helpers.isEmail(value)
}

/** The website rule of the API (its maxLength is checked in SQL). */
export function isValidWebsite(value: string) {
  return WEBSITE.test(value)
}

export const STAGING_META = [
  'row_no',
  'problem',
  'website_ok',
  'email_ok',
  'email_lower',
  'website_stored',
] as const

/** The staging table: what Node decided per row, then the file's cells as text. */
export function createStagingSql(columns: number) {
  const cells = Array.from({ length: columns }, (_, i) => `c${i + 1} text`).join(', ')
  return `CREATE TEMP TABLE lead_import_raw (
    row_no integer NOT NULL, problem text, website_ok boolean, email_ok boolean, email_lower text,
    website_stored text,
    ${cells}) ON COMMIT DROP`
}

const TEXT_FIELDS: ImportField[] = [
  'business_name',
  'niche',
  'region',
  'website',
  'contact_name',
  'contact_role',
  'phone',
  'source',
  'next_step',
]

function maxLength(field: string): number {
  const max = SCHEMA.properties[field]?.maxLength
  if (typeof max !== 'number') throw new Error(`createLeadValidator: ${field} has no maxLength`)
  return max
}

/** The value expression of each field, from its mapped column (`c3`), or NULL. */
function valueOf(field: ImportField, column: number | undefined): string {
  if (column === undefined) return field === 'notes' ? 'NULL::text[]' : 'NULL::text'
  const cell = `c${column + 1}`
  if (field === 'email') return 'email_lower'
  // trimmed, unguarded, its host lower-cased in Node as the API does (every letter, not ASCII only)
  if (field === 'website') return `NULLIF(website_stored, '')`
  if (TEXT_FIELDS.includes(field)) return `NULLIF(${jsTrim(unguard(cell))}, '')`
  if (field === 'notes') {
    // one bullet per line; the export's leading "•" is dropped, blank lines too
    return `CASE WHEN ${cell} IS NULL OR ${cell} = '' THEN NULL ELSE ARRAY(
      SELECT note FROM (
        SELECT ${jsTrim(`regexp_replace(${jsTrim('line')}, '^•', '')`)} AS note, n
        FROM regexp_split_to_table(${cell}, '\\r\\n|\\n|\\r') WITH ORDINALITY AS lines(line, n)
      ) notes WHERE note <> '' ORDER BY n) END`
  }
  // enums are matched exactly, as the API matches them; an empty cell takes the default
  return `NULLIF(${cell}, '')`
}

/** Why a row's field is refused, as SQL yielding a message or NULL. */
function checkOf(field: ImportField): string | null {
  const required = SCHEMA.required.includes(field)
  const parts: string[] = []
  if (required) parts.push(`WHEN ${field} IS NULL THEN '${field} is required'`)
  if (TEXT_FIELDS.includes(field)) {
    const max = maxLength(field)
    parts.push(`WHEN ${jsTooLong(field, max)} THEN '${field} must be at most ${max} characters'`)
  }
  if (field === 'website') {
    parts.push(`WHEN NOT website_ok THEN 'website is not a valid website address'`)
  }
  // isEmail already bounds the address to 254 characters (the validator's maxLength)
  if (field === 'email')
    parts.push(`WHEN email_ok = false THEN 'email is not a valid e-mail address'`)
  const values = SCHEMA.properties[field]?.enum as string[] | undefined
  if (values) {
    parts.push(
      `WHEN ${field} NOT IN (${sqlList(values)}) THEN '${field} must be one of ${values.join(', ')}'`
    )
  }
  if (field === 'notes') {
    const items = SCHEMA.properties.notes.maxItems as number
    const max = SCHEMA.properties.notes.items.maxLength as number
    parts.push(`WHEN cardinality(notes) > ${items} THEN 'notes has more than ${items} lines'`)
    parts.push(
      `WHEN EXISTS (SELECT 1 FROM unnest(notes) AS note WHERE ${jsTooLong('note', max)}) ` +
        `THEN 'a line of notes is longer than ${max} characters'`
    )
  }
  return parts.length ? `CASE ${parts.join(' ')} END` : null
}

/**
 * The checked rows: each field's value as it will be stored (trimmed, empty
 * as NULL), a fresh id, and `errors` ('' when the row is valid: every
 * refused field, in field order, joined by "; "). `suppressed` is filled by
 * the suppression step.
 */
export function createCheckedRowsSql(columns: Map<ImportField, number>) {
  const values = IMPORT_FIELDS.map((field) => `${valueOf(field, columns.get(field))} AS ${field}`)
  const checks = IMPORT_FIELDS.filter((field) => field === 'website' || columns.has(field))
    .map(checkOf)
    .filter((check): check is string => check !== null)
  return `CREATE TEMP TABLE lead_import_rows ON COMMIT DROP AS
    SELECT row_no, gen_random_uuid() AS id, ${IMPORT_FIELDS.join(', ')},
      CASE WHEN problem IS NOT NULL THEN problem ELSE concat_ws('; ', ${checks.join(', ')}) END AS errors,
      NULL::text AS suppressed
    FROM (SELECT row_no, problem, website_ok, email_ok, ${values.join(', ')} FROM lead_import_raw) v`
}

/* A row that will be inserted unless a lead (or an earlier row) has its website or e-mail. */
const candidate = (alias = 'lead_import_rows') =>
  `${alias}.errors = '' AND ${alias}.suppressed IS NULL`

/**
 * The suppression step (the do-not-contact list): a valid row whose e-mail
 * is an entry, or whose e-mail domain or website host is a domain entry or
 * a subdomain of one (in either spelling), is refused, naming the entry.
 * One hash join per key over the checked rows and their parent domains.
 */
export const SUPPRESSION_SQL = `
  UPDATE lead_import_rows r SET suppressed = m.message
  FROM (
    SELECT DISTINCT ON (row_no) row_no,
      CASE s.kind WHEN 'email' THEN 'the e-mail address ' ELSE 'the domain ' END || s.value ||
        ' is on the do-not-contact list' AS message
    FROM (
      SELECT r.row_no, k.id, 1 AS rank FROM lead_import_rows r
        JOIN suppression_keys k ON k.kind = 'email' AND k.key = leads_email_key(r.email)
        WHERE r.errors = ''
      UNION ALL
      SELECT r.row_no, k.id, 2 FROM lead_import_rows r
        CROSS JOIN LATERAL unnest(leads_domain_and_parents(leads_email_domain(r.email))) d(key)
        JOIN suppression_keys k ON k.kind = 'domain' AND k.key = d.key
        WHERE r.errors = ''
      UNION ALL
      SELECT r.row_no, k.id, 3 FROM lead_import_rows r
        CROSS JOIN LATERAL unnest(leads_domain_and_parents(leads_website_host(r.website))) d(key)
        JOIN suppression_keys k ON k.kind = 'domain' AND k.key = d.key
        WHERE r.errors = ''
    ) matches JOIN suppressions s ON s.id = matches.id
    ORDER BY row_no, rank
  ) m
  WHERE r.row_no = m.row_no`

const STATUS_TYPE = 'lead_status'

/**
 * The one INSERT ... SELECT: valid rows in file order, so that of two rows
 * with the same website or e-mail the first wins, exactly as if they had
 * been posted one by one. ON CONFLICT DO NOTHING skips a row whose website
 * or e-mail a lead already has (or an earlier row just got), concurrent
 * writers included; the ids it returns say which rows went in.
 */
export const INSERT_SQL = `
  WITH inserted AS (
    INSERT INTO leads (id, ${IMPORT_FIELDS.join(', ')})
    SELECT id, business_name, niche, region, website, contact_name, contact_role, email, phone,
      COALESCE(source, ${pg.escapeLiteral(IMPORT_DEFAULTS.source)}),
      COALESCE(lead_score, ${pg.escapeLiteral(IMPORT_DEFAULTS.lead_score)}),
      COALESCE(status, ${pg.escapeLiteral(IMPORT_DEFAULTS.status)})::${STATUS_TYPE},
      next_step, COALESCE(to_jsonb(notes), '[]'::jsonb)
    FROM lead_import_rows WHERE ${candidate()}
    ORDER BY row_no
    ON CONFLICT DO NOTHING
    RETURNING id
  )
  INSERT INTO lead_import_inserted (id) SELECT id FROM inserted`

/**
 * Every row that did not go in, with its reason and its cells as in the
 * file: invalid, suppressed, or a duplicate, of a lead that was there
 * (named) or of an earlier row of this file (its number).
 */
export function rejectionsSql(columns: number) {
  const cells = Array.from({ length: columns }, (_, i) => `raw.c${i + 1}`).join(', ')
  return `
    INSERT INTO lead_import_rejections (import_id, row_no, reason, message, cells)
    SELECT ?::uuid, x.row_no, x.reason, x.message, ARRAY[${cells}]::text[]
    FROM (
      SELECT row_no,
        CASE WHEN errors <> '' THEN 'invalid' ELSE 'suppressed' END AS reason,
        CASE WHEN errors <> '' THEN errors ELSE suppressed END AS message
      FROM lead_import_rows WHERE NOT (${candidate()})
      UNION ALL
      SELECT row_no,
        CASE WHEN cause_row IS NOT NULL THEN 'duplicate_in_file' ELSE 'duplicate' END,
        CASE
          WHEN cause_row IS NOT NULL THEN 'same ' || what || ' as row ' || cause_row
          WHEN cause_id IS NOT NULL
            THEN 'a lead with this ' || what || ' already exists: ' || cause_id || ' (' || cause_name || ')'
          ELSE 'a lead with this website or e-mail address already exists'
        END
      FROM (
        SELECT r.row_no,
          CASE WHEN by_website THEN w.id WHEN by_email THEN e.id END AS cause_id,
          CASE WHEN by_website THEN w.business_name WHEN by_email THEN e.business_name END AS cause_name,
          CASE WHEN by_website THEN wr.row_no WHEN by_email THEN er.row_no END AS cause_row,
          CASE WHEN by_website THEN 'website' ELSE 'e-mail address' END AS what
        FROM lead_import_rows r
        -- the lead with its website (its e-mail), and its row if this import added it
        LEFT JOIN leads w ON leads_website_key(w.website) = leads_website_key(r.website)
        LEFT JOIN lead_import_rows wr ON wr.id = w.id
        LEFT JOIN leads e ON r.email IS NOT NULL AND leads_email_key(e.email) = leads_email_key(r.email)
        LEFT JOIN lead_import_rows er ON er.id = e.id
        -- the cause: a lead that was there before, or one an earlier row added (not a later one)
        CROSS JOIN LATERAL (SELECT
          w.id IS NOT NULL AND (wr.row_no IS NULL OR wr.row_no < r.row_no) AS by_website,
          e.id IS NOT NULL AND (er.row_no IS NULL OR er.row_no < r.row_no) AS by_email) cause
        WHERE ${candidate('r')} AND NOT EXISTS (SELECT 1 FROM lead_import_inserted i WHERE i.id = r.id)
      ) duplicates
    ) x
    JOIN lead_import_raw raw ON raw.row_no = x.row_no`
}
