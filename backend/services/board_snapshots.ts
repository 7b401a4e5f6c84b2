/**
 * Board snapshots: replay at a moment without reading the whole history.
 *
 * A snapshot holds, for every task and agent that has an event up to `at`,
 * the latest event that showed it (its `seq`, and its `snapshot` or that it
 * was deleted): exactly what the full replay (services/replay.ts) picks at
 * `at`, deleted records included. The board at T is then the nearest
 * snapshot at or before T merged with the events after it up to T: per
 * record, the higher seq wins, which is what the full replay takes (the
 * latest event by id among those up to T), even when ids and times of
 * concurrent transactions interleave.
 *
 * Moments are read to the millisecond, as replay reads them: a snapshot at
 * `at` covers the events with `created_at < at + 1 ms`; the events after it
 * are `created_at >= at + 1 ms`. An event's created_at is its transaction's
 * start (now()), so a snapshot is never taken later than the start of a
 * transaction still running: that transaction's events, committed after
 * the snapshot, would fall before it unseen.
 *
 * A deletion is kept in a snapshot only while an event of the same record
 * could still follow the snapshot with a lower seq; otherwise the record is
 * left out (a year of created and deleted cards would make every snapshot,
 * and every read of one, carry all of them). The writes of one record are
 * serialized by its row lock and each takes its seq after changing the row,
 * so an event about a record with a lower seq than the record's deletion
 * committed before the deletion did: when the snapshot is taken, every such
 * event is visible, and those after the snapshot's moment are the events
 * after it with an id below the deletion's: a deletion with none is
 * dropped.
 *
 * Snapshots are derived from task_events alone and never changed (the table
 * refuses UPDATE, DELETE and TRUNCATE); a new one builds on the latest one
 * before it, so taking one reads only the events since.
 */
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { TASK_COLUMNS } from '#enums/task'
import { latestSnapshots } from '#services/replay_sql'

const AFTER_MS = `created_at >= ?::timestamptz + interval '1 millisecond'`
const UNTIL_MS = `created_at < ?::timestamptz + interval '1 millisecond'`

/* Replay's records: task and agent events that show a record or its deletion. */
const RELEVANT = `(event_type LIKE 'task.%' OR event_type LIKE 'agent.%')
  AND payload->>'id' IS NOT NULL
  AND (payload->'snapshot' IS NOT NULL OR payload->>'deleted' = 'true')`

export const snapshotSettings = {
  get enabled() {
    return env.get('BOARD_SNAPSHOTS') ?? true
  },
  get everyEvents() {
    return positive(env.get('BOARD_SNAPSHOT_EVERY_EVENTS'), 2_500)
  },
  get everySeconds() {
    return positive(env.get('BOARD_SNAPSHOT_EVERY_SECONDS'), 3600)
  },
}

function positive(value: number | undefined, fallback: number) {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback
}

export interface SnapshotRow {
  id: number
  at: Date
  last_event_id: number
}

/** The latest snapshot at or before `at` (ms precision), or null. */
export async function snapshotBefore(at: Date, client = db): Promise<SnapshotRow | null> {
  const { rows } = await client.rawQuery(
    `SELECT id, at, last_event_id FROM board_snapshots
     WHERE at <= ?::timestamptz ORDER BY at DESC, id DESC LIMIT 1`,
    [at.toISOString()]
  )
  return rows[0] ? toRow(rows[0]) : null
}

const toRow = (row: any): SnapshotRow => ({
  id: Number(row.id),
  at: row.at,
  last_event_id: Number(row.last_event_id),
})

/**
 * SQL of the records (kind, rid, seq, snapshot, deleted) at `until`: the
 * snapshot `base` merged with the events after it, or (no base) the latest
 * event of each record found through replay's index hops.
 */
function recordsSql(
  base: SnapshotRow | 'start' | null,
  until: string
): { sql: string; bindings: any[] } {
  if (base === 'start') {
    return {
      sql: `SELECT DISTINCT ON (kind, rid COLLATE "C") kind, rid, seq, snapshot, deleted FROM (
          SELECT split_part(event_type, '.', 1) AS kind, payload->>'id' AS rid, id AS seq,
            payload->'snapshot' AS snapshot, coalesce(payload->>'deleted' = 'true', false) AS deleted
          FROM task_events WHERE ${UNTIL_MS} AND ${RELEVANT}
        ) merged ORDER BY kind, rid COLLATE "C", seq DESC`,
      bindings: [until],
    }
  }
  if (!base) {
    const latest = (kind: 'task' | 'agent') =>
      `SELECT '${kind}' AS kind, payload->>'id' AS rid, id AS seq, payload->'snapshot' AS snapshot,
         coalesce(payload->>'deleted' = 'true', false) AS deleted
       FROM (${latestSnapshots(kind)}) l`
    return {
      sql: `${latest('task')} UNION ALL ${latest('agent')}`,
      bindings: [until, until],
    }
  }
  /*
  | A hash merge, per record, of the snapshot's entries (the board read and
  | decompressed once) with the latest event of each record after it (the
  | higher seq wins); only the winning events' payloads are read again.
  | Sorting the wide rows instead spilled to disk at 10,000 events.
  */
  return {
    sql: `WITH stored AS (
        SELECT rtrim(k.key, 's') AS kind, r.key AS rid, (r.value->>'seq')::bigint AS seq, r.value AS entry
        FROM board_snapshots s
          CROSS JOIN LATERAL jsonb_each(s.board) k
          CROSS JOIN LATERAL jsonb_each(k.value) r
        WHERE s.id = ? AND k.key IN ('tasks', 'agents')
      ), later AS (
        SELECT split_part(event_type, '.', 1) AS kind, payload->>'id' AS rid, max(id) AS seq
        FROM task_events WHERE ${AFTER_MS} AND ${UNTIL_MS} AND ${RELEVANT}
        GROUP BY 1, 2
      ), merged AS (
        SELECT coalesce(l.kind, s.kind) AS kind, coalesce(l.rid, s.rid) AS rid,
          greatest(l.seq, s.seq) AS seq,
          CASE WHEN s.seq IS NULL OR l.seq > s.seq THEN l.seq END AS event_id, s.entry
        FROM stored s FULL JOIN later l ON l.kind = s.kind AND l.rid = s.rid
      )
      SELECT m.kind, m.rid, m.seq,
        CASE WHEN m.event_id IS NULL THEN m.entry->'snapshot' ELSE e.payload->'snapshot' END AS snapshot,
        CASE WHEN m.event_id IS NULL THEN coalesce((m.entry->>'deleted')::boolean, false)
          ELSE coalesce(e.payload->>'deleted' = 'true', false) END AS deleted
      FROM merged m LEFT JOIN task_events e ON e.id = m.event_id
        AND e.${AFTER_MS} AND e.${UNTIL_MS}`,
    bindings: [base.id, base.at.toISOString(), until, base.at.toISOString(), until],
  }
}

/**
 * The tasks and agents on the board at `at` (ms precision) from the nearest
 * snapshot and the events after it, in replay's order (the same SQL
 * expressions as the full replay, so collation and ties agree). Before the
 * first snapshot, from the events before it; null when there is no snapshot.
 * Each record as JSON text, as the database has it (nothing parsed).
 */
export async function boardFromSnapshot(
  at: Date
): Promise<{ tasks: string[]; agents: string[] } | null> {
  let base: SnapshotRow | 'start' | null = await snapshotBefore(at)
  if (!base) {
    /* Before the first snapshot: the few events before it (snapshots are
       taken through the history from its start, see backfillSnapshots). */
    const { rows: any } = await db.rawQuery(`SELECT EXISTS (SELECT 1 FROM board_snapshots) AS any`)
    if (!any[0].any) return null
    base = 'start'
  }
  const records = recordsSql(base, at.toISOString())
  const { rows } = await db.rawQuery(
    `WITH records AS (${records.sql})
     SELECT kind, snapshot::text AS snapshot FROM records WHERE snapshot IS NOT NULL AND NOT deleted
     ORDER BY kind DESC,
       CASE WHEN kind = 'task' THEN array_position(?::text[], snapshot->>'column') END,
       CASE WHEN kind = 'task' THEN (snapshot->>'created_at')::timestamptz END,
       CASE WHEN kind = 'agent' THEN snapshot->>'name' END,
       rid`,
    [...records.bindings, TASK_COLUMNS]
  )
  return {
    tasks: rows.filter((row: any) => row.kind === 'task').map((row: any) => row.snapshot),
    agents: rows.filter((row: any) => row.kind === 'agent').map((row: any) => row.snapshot),
  }
}

/**
 * The latest moment a snapshot may be taken at now: 100 ms ago, and before
 * the start of every transaction of this database still running that may
 * yet commit an event (their events are not visible yet): one that has
 * written (it holds an xid) or is running a statement, as the realtime
 * sequencer counts them. A read-only session left idle in a transaction
 * (a psql window, a leaked connection) does not hold snapshots back for
 * good. The change recorder takes its transaction id with its first
 * statement, so a change that reads before it writes is counted from its
 * start. Truncated to the millisecond.
 */
async function safeMoment(): Promise<Date> {
  const { rows } = await db.rawQuery(
    `SELECT date_trunc('milliseconds', least(
       clock_timestamp() - interval '100 milliseconds',
       (SELECT min(xact_start) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND xact_start IS NOT NULL AND (backend_xid IS NOT NULL OR state = 'active'))
     )) - interval '1 millisecond' AS at`
  )
  return rows[0].at
}

/*
| Whether a deletion in the records must stay in the snapshot: an event of
| the same record after the moment has a lower seq (see the header). One
| probe of replay's per-kind index (payload->>'id', id) per deletion; the
| kind is a fixed literal, never client input. Binds the moment once.
*/
const stillNeeded = (kind: 'task' | 'agent') =>
  `(kind = '${kind}' AND EXISTS (SELECT 1 FROM task_events
     WHERE event_type LIKE '${kind}.%' AND payload->>'id' = rid AND id < seq AND ${AFTER_MS}))`

export interface TakenSnapshot extends SnapshotRow {
  tasks: number
  agents: number
  created: boolean
}

/**
 * Takes a snapshot at `at` (default: now), never later than safeMoment(),
 * built on the latest snapshot before it. When a snapshot at that very
 * moment exists already, it is returned as is (`created: false`).
 * One taker at a time across instances (an advisory lock); a second caller
 * waits for the first.
 */
export async function takeSnapshot(at?: Date): Promise<TakenSnapshot> {
  const safe = await safeMoment()
  const moment = new Date(Math.min(safe.getTime(), (at ?? safe).getTime()))
  const until = moment.toISOString()
  return db.transaction(async (trx) => {
    await trx.rawQuery(`SELECT pg_advisory_xact_lock(hashtext('mc:board_snapshots'))`)
    const base = await snapshotBefore(moment, trx as any)
    if (base && base.at.getTime() === moment.getTime()) {
      const counts = await trx.rawQuery(
        `SELECT (SELECT count(*) FROM jsonb_object_keys(board->'tasks'))::int AS tasks,
           (SELECT count(*) FROM jsonb_object_keys(board->'agents'))::int AS agents
         FROM board_snapshots WHERE id = ?`,
        [base.id]
      )
      return { ...base, ...counts.rows[0], created: false }
    }
    const records = recordsSql(base, until)
    const lastEvent = base
      ? `greatest(?::bigint, (SELECT max(id) FROM task_events WHERE ${AFTER_MS} AND ${UNTIL_MS}))`
      : `coalesce((SELECT max(id) FROM task_events WHERE ${UNTIL_MS}), 0)`
    const lastBindings = base ? [base.last_event_id, base.at.toISOString(), until] : [until]
    const { rows } = await trx.rawQuery(
      `WITH records AS (${records.sql}),
       board AS (
         SELECT jsonb_build_object(
           'tasks', coalesce(jsonb_object_agg(rid, entry) FILTER (WHERE kind = 'task'), '{}'),
           'agents', coalesce(jsonb_object_agg(rid, entry) FILTER (WHERE kind = 'agent'), '{}')
         ) AS board,
         count(*) FILTER (WHERE kind = 'task')::int AS tasks,
         count(*) FILTER (WHERE kind = 'agent')::int AS agents
         FROM (SELECT kind, rid, CASE WHEN deleted
             THEN jsonb_build_object('seq', seq, 'deleted', true)
             ELSE jsonb_build_object('seq', seq, 'snapshot', snapshot) END AS entry
           FROM records
           WHERE NOT deleted OR ${stillNeeded('task')} OR ${stillNeeded('agent')}) entries
       )
       INSERT INTO board_snapshots (at, last_event_id, board)
       SELECT ?::timestamptz, ${lastEvent}, board FROM board
       RETURNING id, at, last_event_id,
         (SELECT tasks FROM board) AS tasks, (SELECT agents FROM board) AS agents`,
      [...records.bindings, until, until, until, ...lastBindings]
    )
    const row = rows[0]
    return { ...toRow(row), tasks: row.tasks, agents: row.agents, created: true }
  })
}

/**
 * Snapshots through the history, one every `everyEvents` events: after the
 * latest one (what the timer does for a database that has none yet, an old
 * one, or one restored), or with `fillGaps` from the first event on, taking
 * one wherever two snapshots are further apart (after the interval was
 * lowered). Returns how many were taken.
 */
export async function backfillSnapshots(
  everyEvents = snapshotSettings.everyEvents,
  onSnapshot?: (snapshot: TakenSnapshot) => void,
  options: { fillGaps?: boolean } = {}
): Promise<number> {
  let taken = 0
  let after = 0
  if (!options.fillGaps) {
    const { rows } = await db.rawQuery(`SELECT max(last_event_id) AS last FROM board_snapshots`)
    after = Number(rows[0].last ?? 0)
  }
  for (;;) {
    const next = await db.rawQuery(
      `SELECT created_at FROM task_events WHERE id > ? ORDER BY id OFFSET ? LIMIT 1`,
      [after, everyEvents - 1]
    )
    if (!next.rows[0]) break
    const at = truncated(next.rows[0].created_at)
    /* one there already, at or before that moment: go on from it */
    const { rows: existing } = await db.rawQuery(
      `SELECT max(last_event_id) AS last FROM board_snapshots
       WHERE last_event_id > ? AND at <= ?::timestamptz`,
      [after, at.toISOString()]
    )
    if (existing[0].last !== null) {
      after = Number(existing[0].last)
      continue
    }
    const snapshot = await takeSnapshot(at)
    if (snapshot.last_event_id <= after) break
    if (snapshot.created) {
      taken++
      onSnapshot?.(snapshot)
    }
    after = snapshot.last_event_id
  }
  return taken
}

const truncated = (at: Date) => new Date(Math.floor(at.getTime()))

/**
 * Whether a snapshot is due: BOARD_SNAPSHOT_EVERY_EVENTS events since the
 * last one, or BOARD_SNAPSHOT_EVERY_SECONDS and at least one event.
 */
export async function snapshotDue(): Promise<boolean> {
  const { rows } = await db.rawQuery(
    `SELECT last_event_id, created_at FROM board_snapshots ORDER BY id DESC LIMIT 1`
  )
  const last = rows[0]
  const after = last ? Number(last.last_event_id) : 0
  const { rows: counted } = await db.rawQuery(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM task_events WHERE id > ? LIMIT ?) e`,
    [after, snapshotSettings.everyEvents]
  )
  const events = counted[0].n
  if (events >= snapshotSettings.everyEvents) return true
  if (events === 0) return false
  return !last || Date.now() - last.created_at.getTime() >= snapshotSettings.everySeconds * 1000
}
