/**
 * Database connections for streamed exports (the leads CSV), apart from
 * the pool that serves requests: an export holds its connection for as
 * long as its client takes to download, and ten clients that stopped
 * reading used to hold every connection of that pool, leaving the rest of
 * the API (health included) waiting for one.
 *
 * - Each export opens a connection of its own, and closes it when done:
 *   at most EXPORT_MAX_CONCURRENT at once on this instance (default 4), at
 *   most EXPORT_MAX_PER_USER per person (default 2). Beyond: 429
 *   E_TOO_MANY_EXPORTS with Retry-After, before any database work.
 * - No statement timeout (an export takes as long as its download), but the
 *   connect timeout of the other connections (DATABASE_CONNECT_TIMEOUT_MS).
 * - EXPORT_STALL_SECONDS (default 30): how long an export may make no
 *   progress (its client reads nothing, or the database sends nothing)
 *   before it is cut (see openExportStream in the leads plugin).
 *
 * The caps count this instance's exports; each instance has its own.
 */
import pg from 'pg'
import { ApiException } from '#exceptions/api_exception'
import { pgConnectionOptions, positiveSetting } from '#config/database'

export const exportSettings = {
  get maxConcurrent() {
    return Math.floor(positiveSetting('EXPORT_MAX_CONCURRENT', 4))
  },
  get maxPerUser() {
    return Math.floor(positiveSetting('EXPORT_MAX_PER_USER', 2))
  },
  get stallMs() {
    return positiveSetting('EXPORT_STALL_SECONDS', 30) * 1000
  },
}

/* A refused export may try again in this many seconds. */
const RETRY_AFTER_SECONDS = 5

let running = 0
const runningFor = new Map<string, number>()

/** Exports running on this instance (for tests and diagnostics). */
export function runningExports() {
  return running
}

export interface ExportConnection {
  client: pg.Client
  /**
   * Frees the slot and the connection. `broken`: the connection may be
   * mid-statement (a COPY cut short): its socket is closed at once, which
   * stops the statement on the server.
   */
  release(broken: boolean): void
}

function refuse(message: string) {
  return new ApiException(429, message, {
    code: 'E_TOO_MANY_EXPORTS',
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  })
}

/**
 * A slot and a fresh connection for one export by `owner` (a person's or
 * an agent's id). Throws 429 E_TOO_MANY_EXPORTS beyond the caps, or the
 * connection error (503 E_UNAVAILABLE) when the database cannot be reached.
 */
export async function openExportConnection(owner: string): Promise<ExportConnection> {
  // counted before the first await: concurrent requests cannot both take the last slot
  const mine = runningFor.get(owner) ?? 0
  if (mine >= exportSettings.maxPerUser) {
    throw refuse(
      `You already have ${mine} exports running (at most ${exportSettings.maxPerUser} at once): ` +
        `wait for one to finish, then try again`
    )
  }
  if (running >= exportSettings.maxConcurrent) {
    throw refuse(
      `Too many exports are running right now (${running}): try again in ${RETRY_AFTER_SECONDS} seconds`
    )
  }
  running++
  runningFor.set(owner, mine + 1)

  const client = new pg.Client({
    ...pgConnectionOptions(),
    application_name: 'mission-control:export',
    // whatever the role or database sets: an export is never cut by a statement timeout
    options: '-c statement_timeout=0',
  })
  // a broken connection is reported to the running COPY; never let it go unhandled
  client.on('error', () => {})

  let released = false
  const release = (broken: boolean) => {
    if (released) return
    released = true
    running--
    const left = (runningFor.get(owner) ?? 1) - 1
    if (left > 0) runningFor.set(owner, left)
    else runningFor.delete(owner)
    if (broken) (client as any).connection?.stream?.destroy()
    else void client.end().catch(() => {})
  }

  try {
    await client.connect()
  } catch (error) {
    release(true)
    throw error
  }
  return { client, release }
}
