import db from '@adonisjs/lucid/services/db'
import { runMigrations } from '#services/migrations'

/** Drops everything in the test schema and migrates from scratch. */
export async function resetDatabase() {
  await db.rawQuery('DROP SCHEMA IF EXISTS public CASCADE')
  await db.rawQuery('CREATE SCHEMA public')
  await runMigrations()
}
