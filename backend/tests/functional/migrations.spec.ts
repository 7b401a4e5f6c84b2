import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { runMigrations } from '#services/migrations'

test.group('Migrations on start', () => {
  test('release their lock while other queries run beside them', async ({ assert }) => {
    // queries on the shared pool for as long as the migrations take, as timers and requests do
    let running = true
    const busy = Array.from({ length: 4 }, async () => {
      while (running) await db.rawQuery('SELECT pg_sleep(0.002)')
    })
    try {
      for (let i = 0; i < 5; i++) assert.deepEqual(await runMigrations(), [])
    } finally {
      running = false
      await Promise.all(busy)
    }
    const { rows } = await db.rawQuery(
      // this database's locks only: pg_locks shows the whole server's, other databases' runs included
      `SELECT count(*)::int AS held FROM pg_locks
       WHERE locktype = 'advisory' AND granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
    )
    assert.equal(rows[0].held, 0, 'the migrations lock is still held')
  })
})
