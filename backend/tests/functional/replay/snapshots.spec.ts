import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { TASK_COLUMNS } from '#enums/task'
import { taskLinks } from '#plugin_host/task_links'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { boardAt, fullReplayAt } from '#services/replay'
import { SYSTEM, recordChanges } from '#services/change_recorder'
import Task from '#models/task'
import {
  backfillSnapshots,
  snapshotBefore,
  takeSnapshot,
  type TakenSnapshot,
} from '#services/board_snapshots'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A deterministic random sequence, so that a failure replays the same way. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

test.group('Replay from board snapshots', (group) => {
  let actors: Actors
  const snapshots: TakenSnapshot[] = []
  let firstEventAt: Date
  let lastEventAt: Date

  /* snapshots taken before this group (history:archive's at its cut) hold history archived since:
     the full replay no longer sees it, so moments are compared from this group's own on */
  let groupStart: Date
  group.setup(async () => {
    groupStart = new Date()
    actors = await makeActors()
  })

  /* What the full replay gives at every moment, the snapshot and its events must give too. */
  async function assertSameBoards(moments: Date[], assert: any) {
    let fromSnapshots = 0
    let withoutSnapshot = 0
    for (const moment of moments) {
      if (await snapshotBefore(moment)) fromSnapshots++
      else withoutSnapshot++
      const fromSnapshot = await boardAt(moment)
      const full = await fullReplayAt(moment)
      assert.deepEqual(
        JSON.parse(JSON.stringify(fromSnapshot)),
        JSON.parse(JSON.stringify(full)),
        `the board at ${moment.toISOString()}`
      )
    }
    // both ways were compared: from a snapshot, and before the first one
    assert.isAbove(fromSnapshots, 0)
    assert.isAbove(withoutSnapshot, 0)
  }

  test('the board from a snapshot and the events after it equals the full replay', async ({
    assert,
  }) => {
    const admin = actors.tokens.admin
    const next = random(19)
    const tasks: string[] = []
    const linkField = taskLinks.all().find((link) => link.field === 'lead_id')?.field
    const leads: string[] = []
    if (linkField) {
      for (let i = 0; i < 2; i++) {
        const tag = randomUUID().slice(0, 8)
        const lead = await call(admin, 'POST', '/api/leads', {
          business_name: `Snapshot Dental ${tag}`,
          niche: 'Dentists',
          region: 'Austin, TX',
          website: `https://www.snapshot-${tag}.com/`,
          contact_name: 'Maria Garcia',
          contact_role: 'Practice Manager',
          email: `maria@snapshot-${tag}.com`,
          phone: '512-555-0134',
        })
        assert.equal(lead.status, 201, JSON.stringify(lead.body))
        leads.push(lead.body.id)
      }
    }
    const [before] = await db.rawQuery('SELECT clock_timestamp() AS now').then((r) => r.rows)
    firstEventAt = before.now

    for (let step = 0; step < 90; step++) {
      await sleep(Math.floor(next() * 6))
      const roll = next()
      const pick = () => tasks[Math.floor(next() * tasks.length)]
      let answer
      if (tasks.length < 3 || roll < 0.25) {
        const column = TASK_COLUMNS[Math.floor(next() * TASK_COLUMNS.length)]
        answer = await call(admin, 'POST', '/api/tasks', { title: `snapshot task ${step}`, column })
        if (answer.status === 201) tasks.push(answer.body.id)
      } else if (roll < 0.55) {
        const column = TASK_COLUMNS[Math.floor(next() * TASK_COLUMNS.length)]
        answer = await call(admin, 'PATCH', `/api/tasks/${pick()}`, { column })
      } else if (roll < 0.65) {
        answer = await call(admin, 'PATCH', `/api/tasks/${pick()}`, {
          title: `renamed "${step}" ✓`,
        })
      } else if (roll < 0.75 && linkField && leads.length) {
        const lead = next() < 0.3 ? null : leads[Math.floor(next() * leads.length)]
        answer = await call(admin, 'PATCH', `/api/tasks/${pick()}`, { [linkField]: lead })
      } else if (roll < 0.85) {
        const id = pick()
        answer = await call(admin, 'DELETE', `/api/tasks/${id}`)
        tasks.splice(tasks.indexOf(id), 1)
      } else {
        answer = await call(actors.tokens.agent, 'POST', '/api/agents/me/heartbeat', {
          status: next() < 0.5 ? 'running' : 'idle',
          message: `step ${step}`,
        })
      }
      // a move the workflow refuses (409) writes nothing: fine, the sequence goes on
      assert.oneOf(
        answer.status,
        [200, 201, 204, 409],
        `step ${step}: ${JSON.stringify(answer.body)}`
      )

      // snapshots now and then: of now, and of a moment a little in the past
      if (step % 20 === 10) {
        await sleep(120)
        snapshots.push(await takeSnapshot())
      } else if (step % 20 === 15) {
        const [event] = (
          await db.rawQuery('SELECT created_at FROM task_events ORDER BY id DESC OFFSET 3 LIMIT 1')
        ).rows
        snapshots.push(await takeSnapshot(event.created_at))
      }
    }
    await sleep(120)
    snapshots.push(await takeSnapshot())
    const [after] = await db.rawQuery('SELECT clock_timestamp() AS now').then((r) => r.rows)
    lastEventAt = after.now

    assert.isAtLeast(snapshots.filter((s) => s.created).length, 5)
    const events = await db.rawQuery(
      `SELECT created_at FROM task_events WHERE created_at >= ? ORDER BY id`,
      [firstEventAt]
    )

    const ms = (date: Date, delta = 0) => new Date(Math.floor(date.getTime()) + delta)
    const moments: Date[] = []
    // exactly at each snapshot, and a millisecond either side
    for (const snapshot of snapshots)
      moments.push(ms(snapshot.at, -1), ms(snapshot.at), ms(snapshot.at, 1))
    // before the first snapshot, before any event, after the last
    moments.push(ms(firstEventAt, -1000), ms(snapshots[0].at, -5), ms(lastEventAt, 1000))
    // and before the first snapshot of all (another group's, maybe): the board from the events alone
    const { rows: first } = await db.rawQuery('SELECT min(at) AS at FROM board_snapshots')
    moments.push(ms(first[0].at, -1))
    // right at events (the board right after each), and random moments in between
    for (const row of events.rows) if (next() < 0.3) moments.push(ms(row.created_at))
    const span = lastEventAt.getTime() - firstEventAt.getTime()
    for (let i = 0; i < 60; i++)
      moments.push(new Date(Math.floor(firstEventAt.getTime() + next() * span)))

    await assertSameBoards(moments, assert)

    // and the API answers the same boards
    for (const moment of moments.slice(0, 12)) {
      const answer = await call(
        actors.tokens.viewer,
        'GET',
        `/api/replay/board?at=${moment.toISOString()}`
      )
      assert.equal(answer.status, 200)
      assert.deepEqual(answer.body, JSON.parse(JSON.stringify(await fullReplayAt(moment))))
    }
  }).timeout(120_000)

  test('a snapshot taken at a moment holds the full replay of that moment', async ({ assert }) => {
    const taken = snapshots.filter((s) => s.created)
    for (const snapshot of taken) {
      const { rows } = await db.rawQuery('SELECT board FROM board_snapshots WHERE id = ?', [
        snapshot.id,
      ])
      const board = rows[0].board
      const alive = (records: Record<string, any>) =>
        Object.values(records)
          .filter((entry: any) => !entry.deleted)
          .map((entry: any) => entry.snapshot)
      const full = await fullReplayAt(snapshot.at)
      const byId = (list: any[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1))
      assert.deepEqual(byId(alive(board.tasks)), byId(full.tasks))
      assert.deepEqual(
        byId(alive(board.agents)),
        byId(full.agents.map(({ stale: _stale, ...agent }: any) => agent))
      )
    }
  })

  test('a snapshot of a moment that has one already gives that one back', async ({ assert }) => {
    const last = snapshots[snapshots.length - 1]
    const again = await takeSnapshot(last.at)
    assert.isFalse(again.created)
    assert.equal(again.id, last.id)
  })

  test('backfilled snapshots give the same boards', async ({ assert }) => {
    // snapshots every few events through the history written since the last one
    for (let i = 0; i < 12; i++) {
      await call(actors.tokens.admin, 'POST', '/api/tasks', { title: `backfill ${i}` })
    }
    // a snapshot never covers the last 100 ms (a transaction may still commit into them): let them pass
    await new Promise((resolve) => setTimeout(resolve, 300))
    const taken = await backfillSnapshots(4)
    assert.isAtLeast(taken, 2)
    const { rows } = await db.rawQuery('SELECT at FROM board_snapshots WHERE at >= ? ORDER BY at', [
      groupStart.toISOString(),
    ])
    const moments = rows.flatMap((row: any) => [
      new Date(row.at.getTime() - 1),
      row.at,
      new Date(row.at.getTime() + 2),
    ])
    const { rows: first } = await db.rawQuery('SELECT min(at) AS at FROM board_snapshots')
    moments.push(new Date(first[0].at.getTime() - 1))
    await assertSameBoards(moments, assert)
  }).timeout(60_000)

  test('a lowered interval: the backfill fills the gaps between snapshots, and the boards stay the same', async ({
    assert,
  }) => {
    for (let i = 0; i < 9; i++) {
      await call(actors.tokens.admin, 'POST', '/api/tasks', { title: `gap ${i}` })
    }
    await sleep(300)
    await backfillSnapshots(6)
    const before = await db.from('board_snapshots').count('* as n')
    const gaps = async () => {
      const { rows } = await db.rawQuery(
        `SELECT last_event_id - lag(last_event_id) OVER (ORDER BY at) AS gap
         FROM board_snapshots WHERE at >= ?`,
        [groupStart.toISOString()]
      )
      return rows.map((row: any) => Number(row.gap ?? 0))
    }
    assert.isAbove(Math.max(...(await gaps())), 2, 'snapshots further apart than 2 events')

    const taken = await backfillSnapshots(2, undefined, { fillGaps: true })
    assert.isAbove(taken, 0)
    const after = await db.from('board_snapshots').count('* as n')
    assert.equal(Number(after[0].n), Number(before[0].n) + taken)
    // events that are not the board's (users, leads...) may sit between two: a few more, never 6
    assert.isBelow(Math.max(...(await gaps())), 6)
    // and again: nothing left to fill
    assert.equal(await backfillSnapshots(2, undefined, { fillGaps: true }), 0)

    const { rows } = await db.rawQuery('SELECT at FROM board_snapshots WHERE at >= ? ORDER BY at', [
      groupStart.toISOString(),
    ])
    const moments = rows.flatMap((row: any) => [new Date(row.at.getTime() - 1), row.at])
    const { rows: first } = await db.rawQuery('SELECT min(at) AS at FROM board_snapshots')
    moments.push(new Date(first[0].at.getTime() - 1))
    await assertSameBoards(moments, assert)
  }).timeout(60_000)

  test('a session idle in a read-only transaction does not hold snapshots back; one that wrote does', async ({
    assert,
    cleanup,
  }) => {
    const idle = await db.connection().transaction()
    cleanup(() => idle.rollback().catch(() => {}))
    await idle.rawQuery('SELECT 1')
    await new Promise((resolve) => setTimeout(resolve, 300))
    await call(actors.tokens.admin, 'POST', '/api/tasks', { title: `after the idle one` })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const free = await takeSnapshot()
    assert.isAbove(free.at.getTime(), Date.now() - 2000, 'taken now, not when the idle one began')

    // a transaction that wrote may still commit events dated from its start: the moment stays before it
    const writing = await db.connection().transaction()
    cleanup(() => writing.rollback().catch(() => {}))
    await writing.rawQuery('SELECT txid_current()')
    const began = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const held = await takeSnapshot()
    assert.isBelow(held.at.getTime(), began + 50)
    await writing.rollback()
    await idle.rollback()
  })

  test('a change that reads for a while before it writes: a snapshot taken meanwhile does not lose its event', async ({
    assert,
  }) => {
    // as creating a task does: read (the owner), then write the task and its event
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let hasRead!: () => void
    const reading = new Promise<void>((resolve) => (hasRead = resolve))
    const title = `read first ${randomUUID()}`
    const writing = recordChanges(SYSTEM, async (trx, recorder) => {
      await trx.rawQuery('SELECT count(*) FROM agents')
      hasRead()
      await gate
      const task = await Task.create(
        {
          title,
          description: '',
          column: 'backlog' as any,
          priority: 'med' as any,
          ownerType: 'admin' as any,
          ownerId: null,
          createdBy: actors.users.admin.id,
        },
        { client: trx }
      )
      await recorder.record({
        action: 'task.created',
        resourceType: 'tasks',
        resourceId: task.id,
        taskId: task.id,
        after: task.serialize(),
        snapshot: true,
      })
      return task
    })
    await reading
    await sleep(300)
    // taken while the change is between its read and its write
    const snapshot = await takeSnapshot()
    release()
    const task = await writing
    await sleep(20)
    const now = new Date()
    const fromSnapshot = await boardAt(now)
    assert.include(
      fromSnapshot.tasks.map((row) => row.title),
      title
    )
    assert.deepEqual(
      JSON.parse(JSON.stringify(fromSnapshot)),
      JSON.parse(JSON.stringify(await fullReplayAt(now)))
    )
    const [{ created_at: dated }] = await db.from('task_events').where('task_id', task.id)
    assert.isAtMost(
      snapshot.at.getTime(),
      dated.getTime(),
      'the snapshot is from before the change began'
    )
  })

  test('a deletion leaves later snapshots, unless an event after the moment with a lower seq needs it', async ({
    assert,
  }) => {
    const admin = actors.tokens.admin
    const created = await call(admin, 'POST', '/api/tasks', {
      title: 'deleted before the snapshot',
    })
    assert.equal(created.status, 201)
    assert.equal((await call(admin, 'DELETE', `/api/tasks/${created.body.id}`)).status, 204)
    await sleep(300)
    const plain = await takeSnapshot()
    const stored = async (id: number) =>
      (await db.rawQuery('SELECT board FROM board_snapshots WHERE id = ?', [id])).rows[0].board
    assert.notProperty(
      (await stored(plain.id)).tasks,
      created.body.id,
      'a settled deletion is left out'
    )

    /* A transaction that began before the moment deletes a card after one that began after it
       moved the card: the move has the lower seq but the later time. */
    const rid = randomUUID()
    const card = (column: string, at: string) => ({
      id: rid,
      title: 'raced',
      column,
      created_at: at,
      updated_at: at,
    })
    const insert = (client: any, type: string, payload: any) =>
      client.rawQuery(
        `INSERT INTO task_events (event_type, payload) VALUES (?, ?::jsonb) RETURNING id, created_at`,
        [type, JSON.stringify({ resource: 'tasks', ...payload })]
      )
    const born = (
      await insert(db, 'task.created', {
        id: rid,
        snapshot: card('backlog', new Date().toISOString()),
      })
    ).rows[0]
    await sleep(20)
    const deleting = await db.connection().transaction()
    const began: Date = (await deleting.rawQuery('SELECT now() AS at')).rows[0].at
    await sleep(40)
    const moved = (
      await insert(db, 'task.moved', {
        id: rid,
        snapshot: card('doing', born.created_at.toISOString()),
      })
    ).rows[0]
    const deleted = (
      await insert(deleting, 'task.deleted', {
        id: rid,
        deleted: true,
        snapshot: card('doing', born.created_at.toISOString()),
      })
    ).rows[0]
    await deleting.commit()
    assert.isBelow(Number(moved.id), Number(deleted.id))
    await sleep(300)

    const moment = new Date(Math.floor((began.getTime() + moved.created_at.getTime()) / 2))
    const raced = await takeSnapshot(moment)
    assert.isTrue(raced.created)
    assert.deepInclude((await stored(raced.id)).tasks[rid], { deleted: true })
    const after = new Date(moved.created_at.getTime() + 5)
    const board = await boardAt(after)
    assert.notInclude(
      board.tasks.map((task: any) => task.id),
      rid
    )
    assert.deepEqual(
      JSON.parse(JSON.stringify(board)),
      JSON.parse(JSON.stringify(await fullReplayAt(after)))
    )
  })

  test('a snapshot cannot be updated, deleted or truncated', async ({ assert }) => {
    const { rows } = await db.rawQuery('SELECT id FROM board_snapshots ORDER BY id LIMIT 1')
    const id = rows[0].id
    for (const statement of [
      `UPDATE board_snapshots SET board = '{}' WHERE id = ${id}`,
      `UPDATE board_snapshots SET at = at - interval '1 day'`,
      `DELETE FROM board_snapshots WHERE id = ${id}`,
      `TRUNCATE board_snapshots`,
    ]) {
      let refused: Error | null = null
      try {
        await db.rawQuery(statement)
      } catch (error) {
        refused = error as Error
      }
      assert.match(refused?.message ?? 'accepted', /board_snapshots is append-only/, statement)
    }
    const still = await db.rawQuery('SELECT count(*)::int AS n FROM board_snapshots WHERE id = ?', [
      id,
    ])
    assert.equal(still.rows[0].n, 1)
  })
})
