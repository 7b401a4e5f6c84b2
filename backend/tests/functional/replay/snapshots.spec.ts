import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { TASK_COLUMNS } from '#enums/task'
import { taskLinks } from '#plugin_host/task_links'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { boardAt, fullReplayAt } from '#services/replay'
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

  group.setup(async () => {
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
    const { rows } = await db.rawQuery('SELECT at FROM board_snapshots ORDER BY at')
    const moments = rows.flatMap((row: any) => [
      new Date(row.at.getTime() - 1),
      row.at,
      new Date(row.at.getTime() + 2),
    ])
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
