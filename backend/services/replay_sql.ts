/**
 * The SQL the replay of the board is built from, shared by the full replay
 * (services/replay.ts) and the board snapshots (services/board_snapshots.ts).
 */

/*
| Event times carry microseconds; `at` (and every time the API hands out)
| carries milliseconds. Reading `at` as the whole millisecond makes "the
| board at this event's created_at" include that event.
*/
export const UNTIL = `created_at < ?::timestamptz + interval '1 millisecond'`

/*
| The latest snapshot or deletion of each record of one kind, up to `at`.
| A loose index scan: the recursive part hops from one record id to the
| next, then each record's latest event is one index probe. Unlike DISTINCT
| ON, its cost follows the number of records, not of events (an agent's
| heartbeats pile up; 200k of them: ~1 ms here against ~270 ms).
| `kind` is a fixed literal, never client input: the partial indexes of
| migration 1764100000012 match `event_type LIKE '<kind>.%'` textually.
*/
export function latestSnapshots(kind: 'task' | 'agent') {
  const ofKind = `event_type LIKE '${kind}.%'`
  return `
    WITH RECURSIVE ids AS (
      (SELECT payload->>'id' AS id FROM task_events
       WHERE ${ofKind} ORDER BY payload->>'id', id DESC LIMIT 1)
      UNION ALL
      SELECT (SELECT payload->>'id' FROM task_events
              WHERE ${ofKind} AND payload->>'id' > ids.id ORDER BY payload->>'id', id DESC LIMIT 1)
      FROM ids WHERE ids.id IS NOT NULL
    )
    SELECT latest.payload, latest.id FROM ids CROSS JOIN LATERAL (
      SELECT payload, id FROM task_events
      WHERE ${ofKind} AND payload->>'id' = ids.id AND ${UNTIL}
        AND (payload->'snapshot' IS NOT NULL OR payload->>'deleted' = 'true')
      ORDER BY id DESC LIMIT 1
    ) latest`
}
