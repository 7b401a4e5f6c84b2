/**
 * Which peers may tell us the client's address (X-Forwarded-For). The client
 * address is the first hop, counted from our side, that is not a trusted
 * proxy: a client cannot choose it by sending its own X-Forwarded-For,
 * because the proxy appends the address it saw, and anything to the left of
 * that is the client's word.
 *
 * TRUST_PROXY: unset or `false` trusts no one (the socket's address is the
 * client); a comma-separated list of IP addresses, CIDR ranges and the names
 * `loopback`, `linklocal`, `uniquelocal` trusts exactly those; `true` means
 * `loopback,linklocal,uniquelocal` (a proxy on this host or a private
 * network, never a public address).
 */
import proxyAddr from 'proxy-addr'

const PRIVATE = ['loopback', 'linklocal', 'uniquelocal']

/** The list TRUST_PROXY names, or null for "trust no one". Throws on an entry that is not an address. */
export function trustedProxyList(setting: string | undefined): string[] | null {
  const value = (setting ?? '').trim()
  if (value === '' || value.toLowerCase() === 'false') return null
  if (value.toLowerCase() === 'true') return PRIVATE
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

/** AdonisJS's `trustProxy`: a function proxy-addr calls for each hop. */
export function trustProxyFunction(setting: string | undefined) {
  const list = trustedProxyList(setting)
  if (!list) return () => false
  try {
    return proxyAddr.compile(list)
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must be true, false, or a comma-separated list of IP addresses and CIDR ranges ` +
        `(or loopback, linklocal, uniquelocal): ${(error as Error).message}`
    )
  }
}
