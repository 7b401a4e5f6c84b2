/**
 * What a password must be: at least MIN_PASSWORD_LENGTH characters and not
 * easy to guess. "Easy to guess" is zxcvbn's estimate (the zxcvbn-ts port,
 * with its lists of common passwords, English words and names, keyboard
 * patterns, repeats and sequences, and the person's own e-mail address):
 * `password`, `12345678`, `aaaaaaaa` or `Password1!` are refused, a
 * passphrase of a few words is not. No composition rules (NIST 800-63B).
 */
import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 200
/* zxcvbn's scale: 3 = "safely unguessable: moderate protection from offline slow-hash attacks" */
const MIN_SCORE = 3
/* Words of this product anyone would try first. */
const PRODUCT_WORDS = ['mission', 'control', 'missioncontrol', 'mission control', 'admin', 'agent']

let factory: ZxcvbnFactory | undefined

/* Built on first use: the dictionaries take a moment to load. */
function estimator() {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, product: PRODUCT_WORDS },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  })
  return factory
}

/** Why this password is refused, in words a person can act on; null when it is fine. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters`
  }
  const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
  for (const input of userInputs) {
    const name = squeeze(input.split('@')[0])
    if (name.length >= 4 && squeeze(password).includes(name)) {
      return 'The password must not contain your e-mail address'
    }
  }
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.+_-]/)]).filter(Boolean)
  const result = estimator().check(password.slice(0, 100), inputs)
  if (result.score >= MIN_SCORE) return null
  const why = result.feedback.warning ?? 'It would be guessed quickly.'
  const tip = result.feedback.suggestions[0] ?? 'Use a few uncommon words.'
  return `This password is too easy to guess. ${why} ${tip}`
}

/**
 * The VineJS rule. The person's e-mail comes from a sibling `email` field or
 * from the validator's meta (`{ email }`), so a password made of it is refused.
 */
const strongPasswordRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const email = field.parent?.email ?? field.meta?.email
    const problem = passwordProblem(value, typeof email === 'string' ? [email] : [])
    if (problem) field.report(problem, 'strongPassword', field)
  },
  {
    /* what the API documents for the field (GET /api/openapi.json) */
    toJSONSchema(schema) {
      schema.minLength = MIN_PASSWORD_LENGTH
      schema.description =
        `At least ${MIN_PASSWORD_LENGTH} characters and not easy to guess: common passwords, words, ` +
        'names, keyboard patterns and the e-mail address are refused (rule `strongPassword`).'
    },
  }
)

/** A new password: long enough and hard to guess (422 `strongPassword` otherwise). */
export const newPassword = () =>
  vine.string().maxLength(MAX_PASSWORD_LENGTH).use(strongPasswordRule())
