/**
 * Replay: the board as it stood at a moment, and the history of one record,
 * both rebuilt from task_events (and, for admins, audit_log) alone. Task
 * and agent events carry the record's after-state (`payload.snapshot`), so
 * the latest one at a moment is the record as it was then.
 */
import db from '@adonisjs/lucid/services/db'
import pluginHost from '#plugin_host/running'
import { taskLinks } from '#plugin_host/task_links'
import { TASK_COLUMNS } from '#enums/task'
import { staleAfterSeconds } from '#services/agent_view'
import { can, type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'
import { boardFromSnapshot, snapshotSettings } from '#services/board_snapshots'
import { latestSnapshots } from '#services/replay_sql'
import type {
  TimelineItem,
  TimelineLinks,
  TimelineSource,
  TimelineSubject,
} from '#plugin_host/define_plugin'

const ALIVE = `payload->'snapshot' IS NOT NULL AND payload->>'deleted' IS DISTINCT FROM 'true'`

export interface ReplayedBoard {
  at: string
  tasks: Record<string, unknown>[]
  agents: Record<string, unknown>[]
}

/**
 * The board at `at`: tasks by column (board order) then age, agents by name.
 * From the nearest board snapshot and the events after it
 * (services/board_snapshots.ts) when there is one at or before `at`, else
 * from the whole history; both give the same board.
 */
export async function boardAt(at: Date): Promise<ReplayedBoard> {
  return JSON.parse(await boardJsonAt(at))
}

/**
 * boardAt as the JSON text GET /api/replay/board answers: the cards' JSON
 * as the database holds it, never parsed and written again (a board of
 * 2,000 cards is some 650 kB).
 */
export async function boardJsonAt(at: Date): Promise<string> {
  if (snapshotSettings.enabled) {
    const board = await boardFromSnapshot(at)
    if (board) return boardJson(at, board.tasks, board.agents)
  }
  return fullReplayJsonAt(at)
}

/** The board at `at` rebuilt from the whole history (no snapshot). */
export async function fullReplayAt(at: Date): Promise<ReplayedBoard> {
  return JSON.parse(await fullReplayJsonAt(at))
}

async function fullReplayJsonAt(at: Date): Promise<string> {
  const until = at.toISOString()
  const tasks = await db.rawQuery(
    `SELECT (payload->'snapshot')::text AS snapshot FROM (${latestSnapshots('task')}) latest
     WHERE ${ALIVE}
     ORDER BY array_position(?::text[], payload->'snapshot'->>'column'),
       (payload->'snapshot'->>'created_at')::timestamptz, payload->>'id'`,
    [until, TASK_COLUMNS]
  )
  const agents = await db.rawQuery(
    `SELECT (payload->'snapshot')::text AS snapshot FROM (${latestSnapshots('agent')}) latest
     WHERE ${ALIVE}
     ORDER BY payload->'snapshot'->>'name', payload->>'id'`,
    [until]
  )
  return boardJson(
    at,
    tasks.rows.map((row: any) => row.snapshot),
    agents.rows.map((row: any) => row.snapshot)
  )
}

/** `{at, tasks, agents}`: the tasks' JSON as it is, the agents with `stale` added. */
function boardJson(at: Date, tasks: string[], agents: string[]) {
  const withStale = agents.map((agent) => withStaleness(JSON.parse(agent), at))
  return `{"at":${JSON.stringify(at.toISOString())},"tasks":[${tasks.join(',')}],"agents":${JSON.stringify(withStale)}}`
}

/* `stale` as GET /api/agents would have shown it at that moment. */
function withStaleness(agent: Record<string, any>, at: Date) {
  const last = agent.last_update_at ? Date.parse(agent.last_update_at) : Number.NaN
  const stale = Number.isNaN(last) || at.getTime() - last > staleAfterSeconds() * 1000
  return { ...agent, stale }
}

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
]

/**
 * The subject and the records linked to it, one hop through tasks: a task's
 * linked records (one per declared link kind); a linked record's tasks and
 * what those tasks link to. Links at any time count, not only today's, and
 * deleted tasks too. Columns come from the declared kinds (snake_case names).
 */
export async function linksOf(subject: TimelineSubject): Promise<TimelineLinks> {
  const kinds = taskLinks.all()
  let taskIds: string[]
  if (subject.task_id) {
    taskIds = [subject.task_id]
  } else {
    const link = kinds.find((kind) => subject[kind.subject])
    if (!link) throw new Error(`a timeline subject names a task or a declared link kind`)
    const id = subject[link.subject]!
    const linked = await db.rawQuery(
      `SELECT id::text AS id FROM tasks WHERE ${link.field} = ?
       UNION
       SELECT payload->>'id' FROM task_events
       WHERE event_type LIKE 'task.%' AND payload->'snapshot'->>'${link.field}' = ?`,
      [id, id]
    )
    taskIds = unique(linked.rows.map((row: any) => row.id))
  }

  const links: TimelineLinks = { task_ids: taskIds }
  if (!kinds.length) return links
  const targets = await db.rawQuery(
    `SELECT ${kinds.map((kind) => `${kind.field}::text AS ${kind.kind}`).join(', ')}
     FROM tasks WHERE id = ANY(?::uuid[])
     UNION
     SELECT ${kinds.map((kind) => `payload->'snapshot'->>'${kind.field}'`).join(', ')}
     FROM task_events WHERE event_type LIKE 'task.%' AND payload->>'id' = ANY(?::text[])`,
    [taskIds, taskIds]
  )
  for (const kind of kinds) {
    links[kind.ids] = unique([
      subject[kind.subject],
      ...targets.rows.map((row: any) => row[kind.kind]),
    ])
  }
  return links
}

type Source = { plugin: string; source: TimelineSource }

/**
 * Every event about the subject and its linked records (by task_id, or by
 * `payload.id` for records that are not tasks), the audit entries about them
 * when the actor may read the audit log, and what plugins add (their
 * records' history); oldest first.
 */
export async function timelineOf(
  subject: TimelineSubject,
  actor: Actor,
  sources: readonly Source[] = pluginHost.timelineSources()
): Promise<TimelineItem[]> {
  const links = await linksOf(subject)
  const ids = unique(Object.values(links).flat())

  const events = await db.rawQuery(
    `SELECT id, task_id, agent_id, event_type, payload, created_by, created_at
     FROM task_events WHERE task_id = ANY(?::uuid[]) OR payload->>'id' = ANY(?::text[])
     ORDER BY id`,
    [links.task_ids, ids]
  )
  const items: TimelineItem[] = events.rows.map(eventItem)

  if (can(actor, Permission.ReadAudit)) {
    /* Audit rows name the same resource as their event: look them up by (type, id). */
    const types = unique([
      'tasks',
      ...events.rows
        .filter((row: any) => ids.includes(row.payload?.id))
        .map((row: any) => row.payload?.resource),
    ])
    const audit = await db.rawQuery(
      `SELECT * FROM audit_log
       WHERE resource_type = ANY(?::text[]) AND resource_id = ANY(?::text[])
       ORDER BY id`,
      [types, ids]
    )
    for (const row of audit.rows) items.push(auditItem(row))
  }

  for (const { plugin, source } of sources) {
    let added: TimelineItem[]
    try {
      added = await source({ subject, links, actor })
    } catch (error) {
      throw new Error(`The timeline source of plugin "${plugin}" failed`, { cause: error })
    }
    for (const item of added ?? []) items.push(normalize(item, plugin))
  }

  return items.sort(oldestFirst)
}

/** A task_events row as a timeline item (plugins' sources that find events of their own use it too). */
export function eventItem(row: any): TimelineItem {
  return {
    at: row.created_at.toISOString(),
    kind: 'event',
    id: Number(row.id),
    seq: Number(row.id),
    event_type: row.event_type,
    task_id: row.task_id,
    agent_id: row.agent_id,
    created_by: row.created_by,
    payload: row.payload,
  }
}

/** An audit_log row as a timeline item (for actors who may read the audit log). */
export function auditItem(row: any): TimelineItem {
  return {
    at: row.created_at.toISOString(),
    kind: 'audit',
    id: Number(row.id),
    seq: typeof row.metadata?.seq === 'number' ? row.metadata.seq : null,
    action: row.action,
    actor_type: row.actor_type,
    actor_id: row.actor_id,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    before_state: row.before_state,
    after_state: row.after_state,
    metadata: row.metadata,
  }
}

function normalize(item: TimelineItem, plugin: string): TimelineItem {
  const at = new Date(item?.at as any)
  if (!item || typeof item.kind !== 'string' || Number.isNaN(at.getTime())) {
    throw new Error(`The timeline source of plugin "${plugin}" returned an item without kind or at`)
  }
  return { ...item, at: at.toISOString() }
}

const RANK: Record<string, number> = { event: 0, audit: 1 }

/* Same millisecond: by seq (an event just before its audit row), then kind, then id. */
function oldestFirst(a: TimelineItem, b: TimelineItem) {
  const seq = (item: TimelineItem) =>
    typeof item.seq === 'number' ? item.seq : Number.POSITIVE_INFINITY
  return (
    Date.parse(a.at as string) - Date.parse(b.at as string) ||
    seq(a) - seq(b) ||
    (RANK[a.kind] ?? 2) - (RANK[b.kind] ?? 2) ||
    String(a.id ?? '').localeCompare(String(b.id ?? ''))
  )
}
