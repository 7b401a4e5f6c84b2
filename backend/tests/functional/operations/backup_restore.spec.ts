import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors } from '#tests/helpers/actors'
import { postgresBinDir } from '#tests/helpers/pg_cluster'
import { freePort, startInstance, exited } from '#tests/helpers/instances'

const run = promisify(execFile)
const TABLES = ['users', 'agents', 'tasks', 'task_events', 'audit_log', 'auth_access_tokens']

/** The test database's URL, and another database on the same server. */
function urls(name: string) {
  const source = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test')
  const restored = new URL(source)
  restored.pathname = `/${name}`
  return { source: source.toString(), restored: restored.toString() }
}

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result: Record<string, number> = {}
    for (const table of TABLES) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`)
      result[table] = rows[0].n
    }
    return result
  } finally {
    await client.end()
  }
}

/*
| docs/VPS_DEPLOY.md, "Backups with pg_dump" and "Restoring": the nightly
| `pg_dump -Fc` restored with `pg_restore` into an empty database gives
| back every row, the append-only guarantee of the history, and a server
| that starts on it and lets the same people and agents in.
*/
test.group('Operations: a pg_dump backup restores into a working Mission Control', () => {
  test('dump, restore into an empty database, same rows, history still append-only, the API runs on it', async ({
    assert,
    cleanup,
  }) => {
    const actors = await makeActors()
    // people's tokens: without plugins no agent type may write tasks
    const task = await call(actors.tokens.operator, 'POST', '/api/tasks', {
      title: 'before the backup',
    })
    assert.equal(task.status, 201)

    const name = `restore_${randomUUID().slice(0, 8)}`
    const { source, restored } = urls(name)
    const folder = mkdtempSync(join(tmpdir(), 'mc-backup-'))
    const dump = join(folder, 'mission_control.dump')
    cleanup(async () => {
      rmSync(folder, { recursive: true, force: true })
      await db.rawQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    })

    const bin = postgresBinDir()
    const before = await counts(source)
    await run(join(bin, 'pg_dump'), ['-Fc', '-f', dump, source])
    assert.isAbove(statSync(dump).size, 0)
    await db.rawQuery(`CREATE DATABASE "${name}"`)
    await run(join(bin, 'pg_restore'), ['--no-owner', '-d', restored, dump])

    assert.deepEqual(await counts(restored), before, 'every row is back')

    const client = new pg.Client({ connectionString: restored })
    await client.connect()
    try {
      for (const statement of [
        'UPDATE audit_log SET action = action',
        'DELETE FROM task_events',
        'TRUNCATE audit_log',
      ]) {
        const refused = await client.query(statement).then(
          () => null,
          (error: Error) => error
        )
        assert.match(String(refused?.message), /is append-only/, statement)
      }
    } finally {
      await client.end()
    }

    // a server on the restored database: the same tokens work, the same task is there
    const port = await freePort()
    const instance = await startInstance(port, { TEST_DATABASE_URL: restored })
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/api/tasks/${task.body.id}`, {
        headers: { authorization: `Bearer ${actors.tokens.admin}` },
      })
      assert.equal(answer.status, 200)
      assert.equal(((await answer.json()) as { title: string }).title, 'before the backup')
      const write = await fetch(`http://127.0.0.1:${port}/api/tasks`, {
        method: 'POST',
        headers: {
          'authorization': `Bearer ${actors.tokens.operator}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ title: 'after the restore' }),
      })
      assert.equal(write.status, 201, 'the restored database takes new writes with their history')
    } finally {
      instance.child.kill('SIGTERM')
      await exited(instance.child)
    }
  }).timeout(120_000)
})
