/**
 * Where webhooks may be sent. A subscription is an admin pointing the
 * server at a URL: without care that is a way to reach what only the
 * server can reach (its database, a cloud metadata address, the admin
 * port of a neighbour). So http(s) only, no credentials in the URL, and no
 * private, loopback, link-local or otherwise special address unless the
 * operator allows them (WEBHOOK_ALLOW_PRIVATE_TARGETS=true). The check is
 * made when the subscription is saved, and again on the address each
 * delivery actually connects to (the `lookup` below), so a name that later
 * resolves elsewhere (DNS rebinding) is refused too.
 */
import dns from 'node:dns'
import ipaddr from 'ipaddr.js'
import env from '#start/env'

export const webhookSettings = {
  /** Private and loopback targets allowed (a receiver on the same network; the tests). */
  allowPrivateTargets: env.get('WEBHOOK_ALLOW_PRIVATE_TARGETS', false) === true,
}

/** Whether an address is one anyone on the internet could have (not private, loopback, ...). */
export function isPublicAddress(address: string) {
  if (!ipaddr.isValid(address)) return false
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  return parsed.range() === 'unicast'
}

export class TargetRefused extends Error {}

/** Why this URL may not receive webhooks, or null when it may (resolving its host name). */
export async function refuseTarget(raw: string): Promise<string | null> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'The URL is not valid'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must be http or https'
  if (url.username || url.password) return 'The URL must not carry a user name or password'
  if (webhookSettings.allowPrivateTargets) return null
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses = ipaddr.isValid(host)
      ? [host]
      : (await dns.promises.lookup(host, { all: true })).map((entry) => entry.address)
  } catch {
    return `The host name ${host} does not resolve`
  }
  const blocked = addresses.find((address) => !isPublicAddress(address))
  return blocked
    ? `${host} is a private or loopback address (${blocked}): webhooks go to public addresses unless the operator sets WEBHOOK_ALLOW_PRIVATE_TARGETS=true`
    : null
}

/**
 * dns.lookup for the delivery's socket: the same resolution, refused when
 * an address it would connect to is not public (and private targets are not allowed).
 */
export const guardedLookup: typeof dns.lookup = ((
  hostname: string,
  options: dns.LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: any, family?: number) => void
) => {
  dns.lookup(hostname, { ...options, all: true }, (error, entries) => {
    if (error) return callback(error, '', 4)
    const list = entries as dns.LookupAddress[]
    if (!webhookSettings.allowPrivateTargets) {
      const blocked = list.find((entry) => !isPublicAddress(entry.address))
      if (blocked) {
        return callback(
          new TargetRefused(`${hostname} resolves to a private address (${blocked.address})`),
          '',
          4
        )
      }
    }
    if (options.all) return callback(null, list)
    callback(null, list[0].address, list[0].family)
  })
}) as typeof dns.lookup
