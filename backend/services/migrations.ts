import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'
import type { PostgreConfig } from '@adonisjs/lucid/types/database'

/* The migrations' own connection: the bulk connection's settings (no statement timeout), one session. */
const MIGRATOR = 'migrator'

/**
 * Applies pending migrations of the host and every enabled plugin, with no
 * statement timeout (an index over a million rows takes what it takes). Safe to
 * run on every start and from several instances at once: Lucid takes a
 * PostgreSQL advisory lock. That lock belongs to a session, so the runner
 * gets a pool of one connection of its own: on the shared pool, a query
 * running beside it (a timer, a request) could have the lock released on
 * another connection than the one holding it ("unable to release database
 * lock"), leaving it held until that connection closes.
 */
export async function runMigrations() {
  if (!db.manager.has(MIGRATOR)) {
    const primary = db.getRawConnection(db.primaryConnectionName)!.config as PostgreConfig
    const bulk = db.getRawConnection('bulk')!.config as PostgreConfig
    db.manager.add(MIGRATOR, { ...primary, ...bulk, pool: { min: 0, max: 1 } })
  }
  try {
    const migrator = new MigrationRunner(db, app, {
      direction: 'up',
      dryRun: false,
      connectionName: MIGRATOR,
    })
    await migrator.run()
    if (migrator.error) throw migrator.error
    return Object.keys(migrator.migratedFiles)
  } finally {
    await db.manager.close(MIGRATOR, true)
  }
}
