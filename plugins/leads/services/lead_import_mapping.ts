/**
 * Which CSV column goes into which lead field: the fields a column may be
 * mapped to, the guess from a header's name, each person's remembered
 * choices, and the checks a mapping must pass before any row is loaded.
 */
import db from '@adonisjs/lucid/services/db'
import { ApiException } from '#exceptions/api_exception'
import type { ActorRef } from '#services/change_recorder'
import { createLeadValidator } from '../validators/lead.js'

/** The lead fields a column may fill, in the order of the lead record. */
export const IMPORT_FIELDS = [
  'business_name',
  'niche',
  'region',
  'website',
  'contact_name',
  'contact_role',
  'email',
  'phone',
  'source',
  'lead_score',
  'status',
  'next_step',
  'notes',
] as const

export type ImportField = (typeof IMPORT_FIELDS)[number]

/** header -> field, or null: "do not import this column". */
export type ImportMapping = Record<string, ImportField | null>

/* The API's own required fields (createLeadValidator's JSON Schema): a mapping must cover them. */
export const REQUIRED_FIELDS: ImportField[] = (
  (createLeadValidator as any).toJSONSchema().required as string[]
).filter((field): field is ImportField => IMPORT_FIELDS.includes(field as ImportField))

/** At most this many columns in a file. */
export const MAX_COLUMNS = 200

/* Headers people use for each field, normalized (lower case, words joined by `_`). */
const ALIASES: Record<ImportField, string[]> = {
  business_name: [
    'business',
    'company',
    'company_name',
    'business_name',
    'name',
    'organization',
    'account',
    'account_name',
  ],
  niche: ['niche', 'industry', 'category', 'vertical', 'sector'],
  region: ['region', 'city', 'location', 'area', 'market', 'territory'],
  website: ['website', 'web', 'site', 'url', 'website_url', 'web_site', 'homepage', 'domain'],
  contact_name: ['contact_name', 'contact', 'contact_person', 'full_name', 'person', 'owner_name'],
  contact_role: ['contact_role', 'role', 'title', 'job_title', 'position'],
  email: ['email', 'e_mail', 'email_address', 'mail', 'contact_email'],
  phone: ['phone', 'telephone', 'tel', 'phone_number', 'mobile', 'contact_phone'],
  source: ['source', 'lead_source', 'origin', 'channel'],
  lead_score: ['lead_score', 'score', 'grade', 'priority'],
  status: ['status', 'stage', 'lead_status'],
  next_step: ['next_step', 'next_action', 'follow_up', 'todo'],
  notes: ['notes', 'note', 'comments', 'personalization', 'bullets'],
}

const BY_ALIAS = new Map<string, ImportField>()
for (const field of IMPORT_FIELDS) {
  for (const alias of ALIASES[field]) if (!BY_ALIAS.has(alias)) BY_ALIAS.set(alias, field)
}

/** `E-mail Address ` -> `e_mail_address`. */
export function normalizeHeader(header: string) {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
}

/**
 * The mapping to propose for these headers: the person's remembered choice
 * for a header first, then a header named like a field (or a usual alias).
 * A field goes to one column at most (the first); the rest stay unmapped.
 */
export function guessMapping(
  headers: string[],
  remembered: ImportMapping = {}
): { mapping: ImportMapping; remembered: string[] } {
  // no prototype: a column may be called "constructor"
  const mapping: ImportMapping = Object.create(null)
  const used = new Set<ImportField>()
  const fromMemory: string[] = []
  for (const header of headers) {
    if (Object.hasOwn(mapping, header)) continue
    if (Object.hasOwn(remembered, header)) {
      const field = remembered[header]
      if (field === null || (IMPORT_FIELDS.includes(field) && !used.has(field))) {
        mapping[header] = field
        if (field) used.add(field)
        fromMemory.push(header)
        continue
      }
    }
    mapping[header] = null
  }
  for (const header of headers) {
    if (mapping[header] !== null || fromMemory.includes(header)) continue
    const field = BY_ALIAS.get(normalizeHeader(header))
    if (field && !used.has(field)) {
      mapping[header] = field
      used.add(field)
    }
  }
  return { mapping, remembered: fromMemory }
}

function mappingError(message: string, rule = 'mapping') {
  return new ApiException(422, message, { field: 'mapping', rule, code: 'E_IMPORT_MAPPING' })
}

/**
 * Checks a mapping against the file's headers and returns, for each field,
 * the index of its column. 422 E_IMPORT_MAPPING when it names a column the
 * file has not, a column its header names twice, a field twice, or leaves a
 * required field unmapped.
 */
export function resolveMapping(headers: string[], mapping: ImportMapping) {
  const columns = new Map<ImportField, number>()
  for (const [header, field] of Object.entries(mapping)) {
    const index = headers.indexOf(header)
    if (index === -1) {
      throw mappingError(`The mapping names a column the file does not have: "${header}"`)
    }
    if (field === null) continue
    if (!IMPORT_FIELDS.includes(field)) {
      throw mappingError(
        `"${field}" is not a lead field a column can fill (one of ${IMPORT_FIELDS.join(', ')})`
      )
    }
    if (headers.indexOf(header, index + 1) !== -1) {
      throw mappingError(`The file has two columns named "${header}": rename one to import it`)
    }
    if (columns.has(field)) {
      throw mappingError(`Two columns are mapped to ${field}: map one column to each field`)
    }
    columns.set(field, index)
  }
  const missing = REQUIRED_FIELDS.filter((field) => !columns.has(field))
  if (missing.length) {
    throw mappingError(
      `Map a column to each required field: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not mapped`,
      'required'
    )
  }
  return columns
}

/** What this person (or agent) chose for each header before. */
export async function rememberedMapping(actor: ActorRef): Promise<ImportMapping> {
  if (!actor.id) return {}
  const row = await db.from('lead_import_mappings').where('actor_id', actor.id).first()
  return (row?.mapping as ImportMapping) ?? {}
}

/* Enough for every column of several kinds of files; beyond, older choices are dropped. */
const MAX_REMEMBERED = 500

/** Keeps this import's choices (merged over the earlier ones) for the next file. */
export async function rememberMapping(actor: ActorRef, mapping: ImportMapping) {
  if (!actor.id) return
  await db.rawQuery(
    `INSERT INTO lead_import_mappings AS m (actor_id, actor_type, mapping, updated_at)
     VALUES (?, ?, ?::jsonb, now())
     ON CONFLICT (actor_id) DO UPDATE SET
       mapping = CASE
         WHEN (SELECT count(*) FROM jsonb_object_keys(m.mapping || EXCLUDED.mapping)) > ${MAX_REMEMBERED}
         THEN EXCLUDED.mapping ELSE m.mapping || EXCLUDED.mapping END,
       updated_at = now()`,
    [actor.id, actor.type, JSON.stringify(mapping)]
  )
}
