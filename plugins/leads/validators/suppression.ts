import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import type { SuppressionKind } from '../services/suppression.js'
import { domainSpellings } from '../services/domain_names.js'

/** How many entries one `POST /api/suppressions/bulk` takes. */
export const MAX_SUPPRESSIONS_PER_REQUEST = 10_000

/* A host name with a dot, in any script (the leads' website rule, without scheme, port or path). */
const HOST = /^([\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(\p{L}{2,}|xn--[a-z0-9-]+)$/iu

/*
| What the database's leads_website_host() keeps of a domain written as a
| URL: only to check that something sensible remains. The stored value is
| computed by the database, with the function the leads are matched by.
*/
function hostOf(value: string) {
  return value
    .toLowerCase()
    .replace(/^(?:(?:[a-z][a-z0-9+.-]*:)?\/\/)?(?:www\.)?/, '')
    .split(/[/?#:]/)[0]
    .replace(/\.+$/, '')
}

export type ClassifiedValue =
  { kind: SuppressionKind; input: string; ascii: string | null } | { error: string }

/**
 * An entry as a person types or pastes it: an e-mail address (`jo@acme.com`),
 * or a domain (`acme.com`, `@acme.com`, `https://www.acme.com/contact`).
 * Says which kind it is, or why it is not an entry. `input` is what the
 * database normalizes (leads_email_key, leads_website_host), with an
 * internationalized domain in Unicode, and `ascii` the same in ASCII
 * (punycode) when that spelling differs.
 */
export function classifySuppressionValue(raw: string): ClassifiedValue {
  // lower-cased here, every letter: the database may lower-case ASCII only (a C locale)
  const value = raw.trim().toLowerCase()
  if (value === '') return { error: 'Enter an e-mail address or a domain' }
  if (value.includes('*')) {
    return {
      error:
        'Wildcards are not needed: enter the domain itself (acme.com). A domain covers its subdomains (eu.acme.com)',
    }
  }
  const at = value.lastIndexOf('@')
  if (at > 0) {
    if (!vine.helpers.isEmail(value)) {
      return { error: `"${value}" is not a valid e-mail address` }
    }
    const { unicode, ascii } = domainSpellings(value)
    return { kind: 'email', input: unicode, ascii }
  }
  const domain = at === 0 ? value.slice(1) : value
  const host = hostOf(domain)
  if (!HOST.test(host)) {
    return { error: `"${value}" is neither an e-mail address nor a domain such as acme.com` }
  }
  const { unicode, ascii } = domainSpellings(host)
  return { kind: 'domain', input: unicode, ascii }
}

const suppressionValue = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (!field.isValid || typeof value !== 'string') return
    const classified = classifySuppressionValue(value)
    if ('error' in classified) field.report(classified.error, 'suppressionValue', field)
  },
  {
    toJSONSchema(schema) {
      schema.description =
        'An e-mail address (`jo@acme.com`) or a domain (`acme.com`; `@acme.com` and a URL such as `https://www.acme.com/contact` give `acme.com`; it covers its subdomains), rule `suppressionValue`. Stored trimmed and lower-case, an internationalized domain in Unicode.'
    },
  }
)

const reason = vine
  .string()
  .trim()
  .maxLength(500)
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional()

export const createSuppressionValidator = vine.create(
  vine.object({
    value: vine.string().trim().maxLength(2048).use(suppressionValue()),
    /* why: "asked to be removed on 2026-03-01", "competitor", "existing customer" */
    reason,
  })
)

/**
 * A pasted or uploaded list: every value is checked on its own (a bad line
 * is reported, the others are added), so the items are only strings here.
 */
export const createSuppressionsBulkValidator = vine.create(
  vine.object({
    values: vine
      .array(vine.string().maxLength(2048))
      .minLength(1)
      .maxLength(MAX_SUPPRESSIONS_PER_REQUEST),
    reason,
  })
)
