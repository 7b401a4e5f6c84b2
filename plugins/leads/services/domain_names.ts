import { domainToASCII, domainToUnicode } from 'node:url'

/**
 * The two spellings of an internationalized domain, or of an e-mail address
 * at one: `münchen.de` and `xn--mnchen-3ya.de`. `unicode` is what a person
 * reads (the value itself when it is not a name IDNA can spell), `ascii`
 * the punycode spelling, or null when it is the same.
 */
export function domainSpellings(value: string): { unicode: string; ascii: string | null } {
  const at = value.lastIndexOf('@')
  const local = value.slice(0, at + 1)
  const domain = value.slice(at + 1)
  const unicode = domainToUnicode(domain)
  const ascii = domainToASCII(domain)
  if (!unicode || !ascii) return { unicode: value, ascii: null }
  return { unicode: local + unicode, ascii: ascii === unicode ? null : local + ascii }
}
