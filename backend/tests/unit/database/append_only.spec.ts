import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'

/*
| History cannot be rewritten: raw SQL as the connected (superuser) role is
| refused for UPDATE, DELETE and TRUNCATE, while INSERT and SELECT work.
*/
for (const table of ['audit_log', 'task_events']) {
  test.group(`${table} is append-only in the database`, (group) => {
    let id: number

    group.setup(async () => {
      const row =
        table === 'audit_log'
          ? {
              actor_type: 'system',
              action: 'test.inserted',
              resource_type: 'test',
              resource_id: '1',
            }
          : { event_type: 'test.inserted', payload: JSON.stringify({ a: 1 }) }
      const [inserted] = await db.table(table).insert(row).returning('id')
      id = Number(inserted.id)
    })

    test('INSERT and SELECT work', async ({ assert }) => {
      const found = await db.from(table).where('id', id).first()
      assert.exists(found)
    })

    test('UPDATE is refused', async ({ assert }) => {
      await assert.rejects(
        () => db.rawQuery(`UPDATE ${table} SET created_at = now() WHERE id = ?`, [id]),
        new RegExp(`${table} is append-only: UPDATE is not allowed`)
      )
    })

    test('DELETE is refused, even of no rows', async ({ assert }) => {
      await assert.rejects(
        () => db.rawQuery(`DELETE FROM ${table} WHERE id = ?`, [id]),
        /append-only: DELETE/
      )
      await assert.rejects(
        () => db.rawQuery(`DELETE FROM ${table} WHERE false`),
        /append-only: DELETE/
      )
    })

    test('TRUNCATE is refused', async ({ assert }) => {
      await assert.rejects(() => db.rawQuery(`TRUNCATE ${table}`), /append-only: TRUNCATE/)
      await assert.rejects(() => db.rawQuery(`TRUNCATE ${table} CASCADE`), /append-only: TRUNCATE/)
    })

    test('the row is unchanged afterwards', async ({ assert }) => {
      const { rows } = await db.rawQuery(`SELECT count(*)::int AS n FROM ${table} WHERE id = ?`, [
        id,
      ])
      assert.equal(rows[0].n, 1)
    })
  })
}
