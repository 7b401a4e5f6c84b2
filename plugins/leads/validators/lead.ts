import vine from '@vinejs/vine'
import { LEAD_SCORES, LEAD_STATUSES } from '../enums.js'

/*
| A website is a host name with a dot (any script), optionally with a
| http(s) scheme, a port and a path. The dedupe key is computed from it in
| SQL (see the dedupe migration), so anything accepted here has a key.
*/
export const WEBSITE =
  /^(https?:\/\/)?([\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(\p{L}{2,}|xn--[a-z0-9-]+)(:\d{1,5})?([/?#]\S*)?$/iu

/**
 * A website with its host in lower case, every letter (the database's C
 * locale lower-cases ASCII only): MÜNCHEN.de is münchen.de. The API and
 * the import store websites so, and the duplicate and do-not-contact
 * rules compare them so.
 */
export const lowerCaseHost = (value: string) =>
  value.replace(
    /^(https?:\/\/)?([^/?#:]+)/i,
    (_, scheme = '', host: string) => scheme + host.toLowerCase()
  )

const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)
/* An emptied form field ("") is stored as no value. */
const optionalText = (max: number) =>
  vine
    .string()
    .trim()
    .maxLength(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()

const fields = {
  business_name: text(200),
  niche: text(100),
  region: text(100),
  website: vine.string().trim().maxLength(2048).regex(WEBSITE).transform(lowerCaseHost),
  contact_name: optionalText(200),
  contact_role: optionalText(100),
  email: vine
    .string()
    .trim()
    .email()
    .maxLength(254)
    .transform((value) => (typeof value === 'string' ? value.toLowerCase() : value))
    .nullable()
    .optional(),
  phone: optionalText(40),
  source: text(100),
  lead_score: vine.enum(LEAD_SCORES),
  status: vine.enum(LEAD_STATUSES),
  next_step: optionalText(500),
  /* Personalization bullets: short lines a closer reads before a call. */
  notes: vine.array(vine.string().trim().minLength(1).maxLength(1000)).maxLength(50),
}

export const createLeadValidator = vine.create(
  vine.object({
    business_name: fields.business_name,
    niche: fields.niche,
    region: fields.region,
    website: fields.website,
    contact_name: fields.contact_name,
    contact_role: fields.contact_role,
    email: fields.email,
    phone: fields.phone,
    source: fields.source.optional(),
    lead_score: fields.lead_score.optional(),
    status: fields.status.optional(),
    next_step: fields.next_step,
    notes: fields.notes.optional(),
  })
)

export const updateLeadValidator = vine.create(
  vine.object({
    business_name: fields.business_name.optional(),
    niche: fields.niche.optional(),
    region: fields.region.optional(),
    website: fields.website.optional(),
    contact_name: fields.contact_name,
    contact_role: fields.contact_role,
    email: fields.email,
    phone: fields.phone,
    source: fields.source.optional(),
    lead_score: fields.lead_score.optional(),
    status: fields.status.optional(),
    next_step: fields.next_step,
    notes: fields.notes.optional(),
  })
)

/** What a closer may change (leads.write_follow_up without leads.write). */
export const FOLLOW_UP_FIELDS = ['status', 'next_step', 'notes'] as const
