import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'
import type { PostgreConfig } from '@adonisjs/lucid/types/database'
import { runMigrations } from '#services/migrations'

/** Drops everything in the test schema and migrates from scratch. */
export async function resetDatabase() {
  // history:restore's schema too: a run restores the same archive as the last one
  await db.rawQuery('DROP SCHEMA IF EXISTS history_restore CASCADE')
  await db.rawQuery('DROP SCHEMA IF EXISTS public CASCADE')
  await db.rawQuery('CREATE SCHEMA public')
  await runMigrations()
}

/**
 * Migrates another database (a fault test's own cluster) exactly as the
 * app's own (services/migrations.ts), on that URL.
 */
export async function migrateDatabase(url: string) {
  const name = `migrate_${Math.random().toString(36).slice(2, 10)}`
  const primary = db.getRawConnection(db.primaryConnectionName)!.config as PostgreConfig
  const bulk = db.getRawConnection('bulk')!.config as PostgreConfig
  db.manager.add(name, {
    ...primary,
    ...bulk,
    connection: { ...(bulk.connection as object), connectionString: url },
    pool: { min: 0, max: 1 },
  })
  try {
    const migrator = new MigrationRunner(db, app, {
      direction: 'up',
      dryRun: false,
      connectionName: name,
    })
    await migrator.run()
    if (migrator.error) throw migrator.error
  } finally {
    await db.manager.close(name, true)
  }
}
