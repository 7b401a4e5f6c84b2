import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'

/**
 * Applies pending migrations of the host and every enabled plugin. Safe to
 * run on every start and from several instances at once (Lucid takes a
 * PostgreSQL advisory lock).
 */
export async function runMigrations() {
  const migrator = new MigrationRunner(db, app, { direction: 'up', dryRun: false })
  await migrator.run()
  if (migrator.error) throw migrator.error
  return Object.keys(migrator.migratedFiles)
}
