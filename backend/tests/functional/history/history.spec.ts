import { test } from '@japa/runner'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createHash, randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import HistoryArchive from '#commands/history_archive'
import HistoryRestore from '#commands/history_restore'
import { runCommand } from '#tests/helpers/scaffold'
import { archiveHistory, HISTORY_TABLES, type Manifest } from '#services/history_archive'
import { boardAt } from '#services/replay'
import { snapshotBefore } from '#services/board_snapshots'

/*
| docs/HISTORY.md: task_events and audit_log are partitioned by month; every
| partition, present and future, refuses UPDATE, DELETE and TRUNCATE; only
| history:archive removes a partition, after its archive verified; and
| history:restore gives the archived rows back, byte for byte, in a schema
| of their own.
*/

const month = (date: Date) =>
  `${date.getUTCFullYear()}_${String(date.getUTCMonth() + 1).padStart(2, '0')}`

function rowFor(table: string, createdAt?: string, n = 1) {
  const created = createdAt ? { created_at: createdAt } : {}
  return table === 'audit_log'
    ? {
        actor_type: 'system',
        action: 'test.history',
        resource_type: 'test',
        resource_id: String(n),
        before_state: JSON.stringify({ n, quote: 'it\'s "quoted"\\ \n tab\t' }),
        after_state: JSON.stringify({ n, unicode: 'é ✓ 🚀', nested: { a: [1, 2.5, null] } }),
        ...created,
      }
    : {
        event_type: 'test.history',
        payload: JSON.stringify({ n, text: 'line\nbreak "q" \\ é ✓', list: [1, 1.0, 1e3] }),
        envelope: JSON.stringify({ kind: 'created', n }),
        ...created,
      }
}

async function insert(table: string, createdAt?: string, n = 1) {
  const [row] = await db
    .table(table)
    .insert(rowFor(table, createdAt, n))
    .returning('id')
  return Number(row.id)
}

async function partitionOf(table: string, id: number) {
  const { rows } = await db.rawQuery(
    `SELECT tableoid::regclass::text AS part FROM ${table} WHERE id = ?`,
    [id]
  )
  return rows[0]?.part as string | undefined
}

/* Every row of a month as row_to_json text, in id order, timestamps in UTC (as archived). */
async function monthLines(schema: string, table: string, from: string, to: string) {
  return db.transaction(async (trx) => {
    await trx.rawQuery(`SET LOCAL TIME ZONE 'UTC'`)
    const { rows } = await trx.rawQuery(
      `SELECT row_to_json(t)::text AS line FROM ${schema}.${table} t
       WHERE created_at >= ? AND created_at < ? ORDER BY id`,
      [from, to]
    )
    return rows.map((row: any) => row.line as string)
  })
}

/* The statement fails with a message matching `pattern` (and says which statement did not). */
async function refused(assert: any, statement: string, pattern: RegExp) {
  const error = await db.rawQuery(statement).then(
    () => null,
    (failure: Error) => failure
  )
  assert.match(String(error?.message), pattern, statement)
}

const exists = async (name: string) =>
  (await db.rawQuery('SELECT to_regclass(?) AS found', [name])).rows[0].found !== null

test.group('History: every partition is append-only, present and future', () => {
  for (const table of HISTORY_TABLES) {
    test(`${table}: UPDATE, DELETE and TRUNCATE are refused on the parent, this month, the default and a new partition`, async ({
      assert,
    }) => {
      const id = await insert(table)
      const current = `${table}_p${month(new Date())}`
      assert.equal(await partitionOf(table, id), current, 'a row of today lands in this month')
      const farAway = await insert(table, '2999-06-01T00:00:00Z')
      assert.equal(await partitionOf(table, farAway), `${table}_default`)
      /* a partition made by hand is protected as soon as it exists (event trigger) */
      await db.rawQuery(
        `CREATE TABLE ${table}_p2090_01 PARTITION OF ${table}
         FOR VALUES FROM ('2090-01-01 00:00:00+00') TO ('2090-02-01 00:00:00+00')`
      )
      await insert(table, '2090-01-15T00:00:00Z')

      for (const target of [table, current, `${table}_default`, `${table}_p2090_01`]) {
        for (const statement of [
          `UPDATE ${target} SET created_at = created_at`,
          `UPDATE ${target} SET created_at = created_at WHERE false`,
          `DELETE FROM ${target}`,
          `DELETE FROM ${target} WHERE false`,
          `TRUNCATE ${target}`,
          `TRUNCATE ${target} CASCADE`,
        ]) {
          await refused(assert, statement, /is append-only/)
        }
      }
      const { rows } = await db.rawQuery(
        `SELECT count(*)::int AS n FROM ${table} WHERE id IN (?, ?)`,
        [id, farAway]
      )
      assert.equal(rows[0].n, 2, 'the rows are unchanged')
    })

    test(`${table}: DROP and DETACH of a partition are refused outside the archiver`, async ({
      assert,
    }) => {
      const current = `${table}_p${month(new Date())}`
      for (const statement of [
        `DROP TABLE ${current}`,
        `DROP TABLE ${table}_default`,
        `ALTER TABLE ${table} DETACH PARTITION ${current}`,
      ]) {
        await refused(assert, statement, /may not be (dropped|detached)/)
      }
      /* renamed first, still a history partition */
      await assert.rejects(
        () =>
          db.transaction(async (trx) => {
            await trx.rawQuery(`ALTER TABLE ${current} RENAME TO renamed_history`)
            await trx.rawQuery('DROP TABLE renamed_history')
          }),
        /may not be dropped/
      )
      /* the archiver's setting alone is not enough: the same transaction must record the archive */
      await assert.rejects(
        () =>
          db.transaction(async (trx) => {
            await trx.rawQuery(`SET LOCAL mission_control.archiving = 'on'`)
            await trx.rawQuery(`ALTER TABLE ${table} DETACH PARTITION ${current}`)
          }),
        /may not be detached/
      )
      assert.isTrue(await exists(current))
    })
  }
})

test.group('History: partitions are created ahead', () => {
  test('a row of a coming month lands in its own partition, created ahead of time', async ({
    assert,
  }) => {
    const created = await db.rawQuery('SELECT ensure_history_partitions(3) AS n')
    assert.equal(Number(created.rows[0].n), 0, 'the migration already made them')
    const now = new Date()
    const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 10))
    const farther = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 5, 10))
    for (const table of HISTORY_TABLES) {
      const id = await insert(table, ahead.toISOString())
      assert.equal(await partitionOf(table, id), `${table}_p${month(ahead)}`)
      assert.isFalse(await exists(`${table}_p${month(farther)}`))
    }
    /* further ahead, on demand (boot and the daily timer call the same function) */
    const more = await db.rawQuery('SELECT ensure_history_partitions(6) AS n')
    assert.equal(Number(more.rows[0].n), 6)
    for (const table of HISTORY_TABLES) {
      const id = await insert(table, farther.toISOString())
      assert.equal(await partitionOf(table, id), `${table}_p${month(farther)}`)
      await assert.rejects(() => db.rawQuery(`TRUNCATE ${table}_p${month(farther)}`), /append-only/)
    }
  })

  test('ids stay unique and increasing across partitions; lookups and the backfill by seq work', async ({
    assert,
    client,
  }) => {
    const ids = [
      await insert('task_events', '2999-01-01T00:00:00Z'),
      await insert('task_events'),
      await insert('task_events', '2090-01-20T00:00:00Z'),
    ]
    assert.isTrue(ids[0] < ids[1] && ids[1] < ids[2])
    const { rows } = await db.rawQuery(
      'SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM task_events'
    )
    assert.equal(rows[0].n, rows[0].d)
    const { makeActors } = await import('#tests/helpers/actors')
    const actors = await makeActors()
    const one = await client.get(`/api/events/${ids[2]}`).bearerToken(actors.tokens.admin!)
    one.assertStatus(200)
    assert.equal(one.body().id, ids[2])
    const after = await client
      .get(`/api/events?after=${ids[0] - 1}`)
      .bearerToken(actors.tokens.admin!)
    after.assertStatus(200)
    assert.deepEqual(
      after
        .body()
        .slice(0, 3)
        .map((event: { id: number }) => event.id),
      ids
    )
  })
})

test.group('History: archive and restore', (group) => {
  let folder: string
  group.setup(() => {
    folder = mkdtempSync(join(tmpdir(), 'mc-history-'))
    return () => rmSync(folder, { recursive: true, force: true })
  })

  test('history:archive writes, verifies, drops; history:restore gives back byte-equal rows', async ({
    assert,
  }) => {
    for (const table of HISTORY_TABLES) {
      await db.rawQuery(`SELECT mc_create_history_partition(?, '2001-01-01')`, [table])
      for (let n = 1; n <= 5; n++)
        await insert(table, `2001-01-${String(10 + n)}T12:34:56.789012Z`, n)
    }
    const from = '2001-01-01T00:00:00Z'
    const to = '2001-02-01T00:00:00Z'
    const before: Record<string, string[]> = {}
    for (const table of HISTORY_TABLES) {
      before[table] = await monthLines('public', table, from, to)
      assert.lengthOf(before[table], 5)
    }

    const archive = await runCommand(HistoryArchive, ['--before', '2001-02', '--folder', folder])
    assert.equal(archive.exitCode, 0)
    for (const table of HISTORY_TABLES) {
      assert.isFalse(await exists(`${table}_p2001_01`), `${table}_p2001_01 is dropped`)
      assert.deepEqual(await monthLines('public', table, from, to), [], 'no row of 2001-01 is left')
    }
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest
    assert.sameMembers(
      manifest.entries.map((entry) => `${entry.table} ${entry.month} ${entry.rows} ${entry.file}`),
      [
        'task_events 2001-01 5 task_events_p2001_01.jsonl.gz',
        'audit_log 2001-01 5 audit_log_p2001_01.jsonl.gz',
      ]
    )
    /* the file is gzip JSON Lines: exactly the rows as row_to_json gave them */
    const { gunzipSync } = await import('node:zlib')
    const text = gunzipSync(readFileSync(join(folder, 'task_events_p2001_01.jsonl.gz'))).toString(
      'utf8'
    )
    assert.deepEqual(text.split('\n').slice(0, -1), before.task_events)

    /* one audited change, with the checksums */
    const audit = await db
      .from('audit_log')
      .where('action', 'system.history_archived')
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.equal(audit.actor_type, 'system')
    assert.sameMembers(audit.after_state.partitions, ['task_events_p2001_01', 'audit_log_p2001_01'])
    assert.sameMembers(
      audit.after_state.entries.map((entry: { sha256: string }) => entry.sha256),
      manifest.entries.map((entry) => entry.sha256)
    )
    const event = await db
      .from('task_events')
      .where('event_type', 'system.history_archived')
      .first()
    assert.exists(event)

    const restore = await runCommand(HistoryRestore, [folder])
    assert.equal(restore.exitCode, 0)
    for (const table of HISTORY_TABLES) {
      assert.deepEqual(await monthLines('history_restore', table, from, to), before[table])
    }
    /* not back in the live tables: the replay and the feed do not see them */
    assert.deepEqual(await monthLines('public', 'task_events', from, to), [])
    /* a second restore adds nothing */
    const again = await runCommand(HistoryRestore, [join(folder, 'manifest.json')])
    assert.equal(again.exitCode, 0)
    assert.lengthOf(await monthLines('history_restore', 'task_events', from, to), 5)
  })

  test('a partition whose archive does not verify is not dropped', async ({ assert }) => {
    for (const table of HISTORY_TABLES) {
      await db.rawQuery(`SELECT mc_create_history_partition(?, '2001-05-01')`, [table])
      for (let n = 1; n <= 3; n++) await insert(table, `2001-05-0${n}T00:00:00Z`, n)
    }
    const lines = await monthLines('public', 'task_events', '2001-05-01', '2001-06-01')
    const audited = async () =>
      Number(
        (
          await db.rawQuery(
            `SELECT count(*) AS n FROM audit_log WHERE action = 'system.history_archived'`
          )
        ).rows[0].n
      )
    const auditedBefore = await audited()

    /* between write and verify, one file is replaced by a valid gzip with a row changed */
    const result = await archiveHistory({
      before: '2001-06',
      folder,
      afterWrite: (entries, into) => {
        const entry = entries.find((e) => e.table === 'task_events')!
        const changed = [...lines]
        changed[1] = changed[1].replace('"n": 2', '"n": 20').replace('"n":2', '"n":20')
        assert.notEqual(changed[1], lines[1])
        writeFileSync(join(into, entry.file), gzipSync(changed.join('\n') + '\n'))
      },
    })
    assert.deepEqual(
      result.refused.map((r) => r.partition),
      ['task_events_p2001_05']
    )
    assert.match(result.refused[0].reason, /checksum/)
    assert.deepEqual(
      result.archived.map((e) => e.partition),
      ['audit_log_p2001_05']
    )
    assert.isTrue(await exists('task_events_p2001_05'), 'kept')
    assert.deepEqual(await monthLines('public', 'task_events', '2001-05-01', '2001-06-01'), lines)
    assert.isFalse(await exists('audit_log_p2001_05'), 'the verified one went')
    assert.equal(await audited(), auditedBefore + 1)

    /* truncated file, even with a matching checksum recorded afterwards: the rows are compared too */
    const second = await archiveHistory({
      before: '2001-06',
      folder,
      afterWrite: (entries, into) => {
        const entry = entries[0]
        writeFileSync(join(into, entry.file), gzipSync(lines.slice(0, 2).join('\n') + '\n'))

        entry.sha256 = createHash('sha256')
          .update(readFileSync(join(into, entry.file)))
          .digest('hex')
      },
    })
    assert.deepEqual(second.archived, [])
    assert.match(second.refused[0].reason, /rows/)
    assert.isTrue(await exists('task_events_p2001_05'))
    assert.equal(await audited(), auditedBefore + 1, 'nothing recorded when nothing is dropped')

    /* an honest run archives it */
    const third = await archiveHistory({ before: '2001-06', folder })
    assert.deepEqual(third.refused, [])
    assert.isFalse(await exists('task_events_p2001_05'))
  })

  test('a card last changed in an archived month stays on the replayed board', async ({
    assert,
  }) => {
    await db.rawQuery(`SELECT mc_create_history_partition('task_events', '2002-01-01')`)
    await db.rawQuery(`SELECT mc_create_history_partition('audit_log', '2002-01-01')`)
    const id = randomUUID()
    const at = '2002-01-15T08:00:00.000Z'
    const card = {
      id,
      title: 'Set up in 2002',
      column: 'doing',
      created_at: at,
      updated_at: at,
    }
    await db.table('task_events').insert({
      event_type: 'task.created',
      payload: JSON.stringify({ id, resource: 'tasks', snapshot: card }),
      created_at: at,
    })
    // a moment after the cut and before the live history (snapshots taken today never saw this card)
    const onBoard = async () =>
      (await boardAt(new Date('2002-03-01T00:00:00.000Z'))).tasks.map((task: any) => task.id)
    assert.include(await onBoard(), id)

    const result = await archiveHistory({ before: '2002-02', folder })
    assert.include(
      result.archived.map((entry) => entry.partition),
      'task_events_p2002_01'
    )
    assert.isFalse(await exists('task_events_p2002_01'))
    // its event is archived; the board at the cut, kept as a snapshot, still has the card
    assert.include(await onBoard(), id)
    const snapshot = await snapshotBefore(new Date('2002-02-01T00:00:00.000Z'))
    assert.equal(snapshot?.at.toISOString(), '2002-02-01T00:00:00.000Z')

    // the card goes, after the cut: every later board, from a snapshot or not, is without it (as other tests expect)
    await db.table('task_events').insert({
      event_type: 'task.deleted',
      payload: JSON.stringify({ id, resource: 'tasks', deleted: true, snapshot: card }),
      created_at: '2002-02-15T08:00:00.000Z',
    })
    assert.notInclude(await onBoard(), id)
    assert.notInclude(
      (await boardAt(new Date('2020-01-01T00:00:00.000Z'))).tasks.map((task: any) => task.id),
      id
    )
  })

  test('this month and later ones are never archived, whatever --before says', async ({
    assert,
  }) => {
    const result = await archiveHistory({ before: '2999-01', folder })
    assert.deepEqual(result.archived, [])
    assert.deepEqual(result.refused, [])
    for (const table of HISTORY_TABLES) {
      assert.isTrue(await exists(`${table}_p${month(new Date())}`))
      assert.isTrue(await exists(`${table}_default`))
    }
  })
})
