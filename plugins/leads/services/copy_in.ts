/**
 * COPY ... FROM STDIN on a transaction's own connection, the way both the
 * CSV import and `node ace seed:leads` load rows: text is gathered into
 * ~256 kB writes and each write waits for the socket (backpressure), so
 * memory stays flat however many rows go through.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import copyStreams from 'pg-copy-streams'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

const FLUSH_AT = 256 * 1024

/** The transaction's own pg connection (Lucid has no COPY API). */
export function transactionConnection(trx: TransactionClientContract) {
  return (trx as any).knexClient.client.acquireConnection() as Promise<{
    query: <T>(query: T) => T
  }>
}

/** Escapes a value for COPY's text format (tab-separated, `\N` for NULL). */
export function copyText(value: string | null | undefined) {
  if (value === null || value === undefined) return '\\N'
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, escapeOne) : value
}

const NEEDS_ESCAPE = /[\\\t\n\r]/
const ESCAPED = /[\\\t\n\r]/g
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
const escapeOne = (c: string) => ESCAPES[c]

export class CopyWriter {
  readonly #stream: Writable & { rowCount?: number }
  readonly #done: Promise<unknown>
  #buffer = ''
  #failed = false

  /** Starts `sql` (a `COPY ... FROM STDIN`) on the connection. */
  constructor(connection: { query: <T>(query: T) => T }, sql: string) {
    this.#stream = connection.query(copyStreams.from(sql))
    /* for good, not once: when the connection dies, more errors may follow the first
       (an unheard one would be an uncaught exception: the process would exit) */
    this.#stream.on('error', () => (this.#failed = true))
    // settles once PostgreSQL answered the COPY (its end, or its failure)
    this.#done = new Promise((resolve, reject) => {
      this.#stream.once('finish', resolve)
      this.#stream.once('error', reject)
    })
    this.#done.catch(() => {})
  }

  /** Queues text; resolves at once, or when the socket has taken the previous writes. */
  async write(text: string) {
    // a COPY that failed (its connection lost) fails the next write, not the end of the file
    if (this.#failed) await this.#done
    this.#buffer += text
    if (this.#buffer.length >= FLUSH_AT) await this.flush()
  }

  async flush() {
    if (!this.#buffer) return
    const chunk = this.#buffer
    this.#buffer = ''
    if (!this.#stream.write(chunk)) {
      // a failed COPY ends the wait with its error
      await Promise.race([once(this.#stream, 'drain'), this.#done])
    }
  }

  /** Ends the COPY; resolves with the rows PostgreSQL took. */
  async end(): Promise<number> {
    await this.flush()
    this.#stream.end()
    await this.#done
    return this.#stream.rowCount ?? 0
  }

  /**
   * Abandons the COPY (PostgreSQL receives CopyFail and loads nothing) and
   * waits until the connection is free again for the rollback.
   */
  async abort(reason: Error) {
    this.#buffer = ''
    // a COPY that failed (its connection lost, or refused) has nothing left to cancel
    if (!this.#failed && !this.#stream.destroyed) this.#stream.destroy(reason)
    await this.#done.catch(() => {})
  }
}
