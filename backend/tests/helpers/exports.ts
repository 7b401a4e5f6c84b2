/**
 * For the export tests (leads, audit): the exports' COPY statements still
 * running in PostgreSQL, and a wait until a condition holds.
 */
import db from '@adonisjs/lucid/services/db'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * The pids of the export COPYs running now. Client backends only: a
 * parallel query's workers show the same statement.
 */
export async function runningCopies(): Promise<number[]> {
  const { rows } = await db.rawQuery(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND backend_type = 'client backend' AND state = 'active'
       AND query ILIKE 'COPY (select%'`
  )
  return rows.map((row: { pid: number }) => row.pid)
}

/** Whether `check` holds within `timeoutMs`, asked every 50 ms. */
export async function until(check: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(50)
  }
  return false
}
