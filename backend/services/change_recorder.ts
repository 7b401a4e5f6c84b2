/**
 * The one path every mutation takes: in one transaction the domain write,
 * one task_events row and one audit_log row; after commit, the envelope is
 * handed to the broadcaster. If any insert fails, nothing is written.
 */
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { StrictValues } from '@adonisjs/lucid/types/querybuilder'
import User from '#models/user'
import Agent from '#models/agent'
import { ActorType } from '#enums/actor_type'
import { numbered, pgQuery } from '#services/pg_client'

export interface ActorRef {
  type: ActorType
  id: string | null
  /** Agent name, for the envelope's `agent` field. */
  name?: string
}

export interface ChangeContext {
  actor: ActorRef
  requestId?: string
  ip?: string
}

export interface Change<T> {
  /** task_events.event_type and audit action, e.g. `user.created` */
  action: string | ((result: T) => string)
  resourceType: string
  resourceId: string | ((result: T) => string)
  before?: Record<string, unknown> | null | ((result: T) => Record<string, unknown> | null)
  after?: Record<string, unknown> | null | ((result: T) => Record<string, unknown> | null)
  taskId?: string | null | ((result: T) => string | null)
  agentId?: string | null | ((result: T) => string | null)
  /** Extra payload for the event. */
  payload?: Record<string, unknown> | ((result: T) => Record<string, unknown>)
  /**
   * Also store the after-state in the event payload (`payload.snapshot`), so
   * the record can be rebuilt from events alone (replay). Only for records
   * every role may read: events are readable by all, the audit log is not.
   */
  snapshot?: boolean
  /** For `resources/<resource>` messages; derived from the action when omitted. */
  kind?: ChangeKind
  /** The envelope's entityType; the singular of resourceType when omitted. */
  entityType?: string
  /**
   * The fields the audit row lists as changed; computed from `before` and
   * `after` when omitted. For fields neither state shows (a password).
   */
  changed?: string[]
}

export type ChangeKind = 'created' | 'updated' | 'deleted'

function kindOf(action: string): ChangeKind {
  if (action.endsWith('.created')) return 'created'
  if (action.endsWith('.deleted')) return 'deleted'
  return 'updated'
}

export interface RecordedEvent {
  seq: number
  action: string
  kind: ChangeKind
  entityType: string
  resourceType: string
  resourceId: string
  taskId: string | null
  agentId: string | null
  actor: ActorRef
  createdAt: Date
  payload: Record<string, unknown>
}

/** task_events.envelope: the envelope's fields that are not columns of the row. */
interface StoredEnvelope {
  actor_type: ActorType
  agent: string | null
  resource_type: string
  resource_id: string
  kind: ChangeKind
  entity_type: string
}

export interface TaskEventRow {
  id: string | number
  task_id: string | null
  agent_id: string | null
  event_type: string
  payload: Record<string, unknown>
  created_by: string | null
  created_at: Date
  envelope: StoredEnvelope | null
}

/**
 * A stored event as the recorder published it after commit: how an instance
 * delivers an event it did not hear of through Redis. Rows written before
 * the envelope column existed get the recorder's defaults.
 */
export function eventFromRow(row: TaskEventRow): RecordedEvent {
  const payload = row.payload ?? {}
  const stored = row.envelope
  const resourceType = stored?.resource_type ?? String(payload.resource ?? 'unknown')
  const actorType =
    stored?.actor_type ??
    (row.created_by === null
      ? ActorType.System
      : row.created_by === row.agent_id
        ? ActorType.Agent
        : ActorType.User)
  return {
    seq: Number(row.id),
    action: row.event_type,
    kind: stored?.kind ?? kindOf(row.event_type),
    entityType: stored?.entity_type ?? resourceType.replace(/s$/, ''),
    resourceType,
    resourceId: stored?.resource_id ?? String(payload.id ?? ''),
    taskId: row.task_id,
    agentId: row.agent_id,
    actor: {
      type: actorType,
      id: row.created_by,
      ...(stored?.agent ? { name: stored.agent } : {}),
    },
    createdAt: row.created_at,
    payload,
  }
}

type Listener = (event: RecordedEvent) => void | Promise<void>
const listeners = new Set<Listener>()

/** Called after commit for every recorded change (the realtime layer subscribes here). */
export function onRecorded(listener: Listener) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function actorFromContext(ctx: HttpContext): ChangeContext {
  const actor = ctx.auth?.user
  let ref: ActorRef = { type: ActorType.System, id: null }
  if (actor instanceof User) ref = { type: ActorType.User, id: actor.id }
  if (actor instanceof Agent) ref = { type: ActorType.Agent, id: actor.id, name: actor.name }
  return { actor: ref, requestId: ctx.request.id(), ip: ctx.request.ip() }
}

export const SYSTEM: ChangeContext = { actor: { type: ActorType.System, id: null } }

const resolve = <T, V>(value: V | ((result: T) => V), result: T): V =>
  typeof value === 'function' ? (value as (result: T) => V)(result) : value

/** A resolved change, as written by `Recorder.record` inside a transaction. */
export type ResolvedChange = Omit<
  Change<never>,
  'action' | 'resourceId' | 'before' | 'after' | 'taskId' | 'agentId' | 'payload'
> & {
  action: string
  resourceId: string
  agentId?: string | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  taskId?: string | null
  payload?: Record<string, unknown>
}

/**
 * The event and audit rows of one record as CTEs of one statement (one round
 * trip); the audit row names the event's seq. With `source`, the rows are
 * written only if that CTE returned a row (see recordStatement). If any
 * insert fails, the statement does, and with it the transaction.
 */
function recordCtes(source: string | null) {
  return `event AS (
    INSERT INTO task_events (task_id, agent_id, event_type, payload, created_by, envelope)
    ${source ? `SELECT ?::uuid, ?::uuid, ?, ?::jsonb, ?::uuid, ?::jsonb FROM ${source}` : 'VALUES (?, ?, ?, ?, ?, ?::jsonb)'}
    RETURNING id, created_at, event_type, created_by
  ), audit AS (
    INSERT INTO audit_log
      (actor_type, actor_id, action, resource_type, resource_id, before_state, after_state, metadata)
    SELECT ?, event.created_by, event.event_type, ?, ?, ?::jsonb, ?::jsonb,
      ?::jsonb || jsonb_build_object('seq', event.id)
    FROM event
  )`
}

const RECORD_SQL = `WITH ${recordCtes(null)} SELECT id, created_at FROM event`

/** Writes events and audit rows inside the transaction of a multi-record change. */
export class Recorder {
  constructor(
    readonly trx: TransactionClientContract,
    readonly context: ChangeContext,
    readonly recorded: RecordedEvent[] = []
  ) {}

  /**
   * The same transaction and the same events, recorded as another actor: a
   * rule that acts within someone's change (the system approving what an
   * agent submitted). Its events are broadcast after commit with the rest.
   */
  as(context: ChangeContext): Recorder {
    return new Recorder(this.trx, context, this.recorded)
  }

  /** One task_events row and one audit_log row for one changed record. */
  async record(change: ResolvedChange): Promise<RecordedEvent> {
    const prepared = prepare(change, this.context)
    const {
      rows: [event],
    } = await this.trx.rawQuery<{ rows: { id: string; created_at: Date }[] }>(
      RECORD_SQL,
      prepared.bindings
    )
    const recorded = prepared.recorded(event)
    this.recorded.push(recorded)
    return recorded
  }
}

/* Stamped by the database on every write: not a change anyone made. */
const BOOKKEEPING_FIELDS = new Set(['updated_at'])

/**
 * The top-level fields whose value differs between the before and after
 * states, in the order they appear; the audit row lists them (`changed`),
 * so an entry says everything a change did, whatever its action is called.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>
): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...fields].filter(
    (field) =>
      !BOOKKEEPING_FIELDS.has(field) &&
      JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)
  )
}

/** The event payload, the statement's bindings and the broadcast record of one change. */
function prepare(change: ResolvedChange, context: ChangeContext) {
  const before = change.before ?? null
  const after = change.after ?? null
  const taskId = change.taskId ?? null
  const payload: Record<string, unknown> = {
    resource: change.resourceType,
    id: change.resourceId,
    ...(change.payload ?? {}),
  }
  if (change.snapshot && after) payload.snapshot = after
  const agentId =
    change.agentId ?? (context.actor.type === ActorType.Agent ? context.actor.id : null)
  const kind = change.kind ?? kindOf(change.action)
  const entityType = change.entityType ?? change.resourceType.replace(/s$/, '')
  /* what the realtime envelope needs beyond the row's columns (see eventFromRow) */
  const envelope: StoredEnvelope = {
    actor_type: context.actor.type,
    agent: context.actor.name ?? null,
    resource_type: change.resourceType,
    resource_id: change.resourceId,
    kind,
    entity_type: entityType,
  }

  const metadata: Record<string, unknown> = {
    request_id: context.requestId ?? null,
    ip: context.ip ?? null,
  }
  if (change.changed) metadata.changed = change.changed
  else if (before && after) metadata.changed = changedFields(before, after)

  const bindings = [
    taskId,
    agentId,
    change.action,
    JSON.stringify(payload),
    context.actor.id,
    JSON.stringify(envelope),
    context.actor.type,
    change.resourceType,
    change.resourceId,
    before ? JSON.stringify(before) : null,
    after ? JSON.stringify(after) : null,
    JSON.stringify(metadata),
  ]
  return {
    // knex binds null as NULL; Lucid's binding type leaves null out
    bindings: bindings as StrictValues[],
    recorded: (event: { id: string; created_at: Date }): RecordedEvent => ({
      seq: Number(event.id),
      action: change.action,
      kind,
      entityType,
      resourceType: change.resourceType,
      resourceId: change.resourceId,
      taskId,
      agentId,
      actor: context.actor,
      createdAt: event.created_at,
      payload,
    }),
  }
}

async function publish(events: RecordedEvent[]) {
  for (const event of events) {
    for (const listener of listeners) {
      try {
        await listener(event)
      } catch {
        /* a broadcast failure never undoes a committed change */
      }
    }
  }
}

/**
 * A change touching several records (a draft and its linked task, say):
 * every domain write and every `recorder.record(...)` share one transaction;
 * events are broadcast after commit, in order.
 */
export async function recordChanges<T>(
  context: ChangeContext,
  work: (trx: TransactionClientContract, recorder: Recorder) => Promise<T>,
  options: {
    allowNoChange?: boolean
    /** Lucid connection to run on: `bulk` for work no statement timeout may cut (seeding). */
    connection?: string
  } = {}
): Promise<T> {
  let recorder!: Recorder
  const result = await db.connection(options.connection).transaction(async (trx) => {
    /* A transaction id from the start: board snapshots are never taken after
       the start of a transaction that holds one (board_snapshots.ts,
       safeMoment), and this one's events are dated from its start, though
       it may read for a while before it writes anything. */
    await trx.rawQuery('SELECT pg_current_xact_id()')
    recorder = new Recorder(trx, context)
    const value = await work(trx, recorder)
    // a write without its event and audit row is a bug; a sweep that found nothing to do is not
    if (recorder.recorded.length === 0 && !options.allowNoChange) {
      throw new Error('recordChanges: a change must record at least one event')
    }
    return value
  })
  await publish(recorder.recorded)
  return result
}

/**
 * recordChanges on the `bulk` connection (config/database.ts), which has no
 * statement timeout: for long work such as seeding thousands of leads.
 */
export function recordBulkChanges<T>(
  context: ChangeContext,
  work: (trx: TransactionClientContract, recorder: Recorder) => Promise<T>
): Promise<T> {
  return recordChanges(context, work, { connection: 'bulk' })
}

/**
 * A change made by one statement, without an explicit transaction: `write`
 * is a data-modifying query returning the changed row (an `UPDATE ... WHERE
 * <expected state> RETURNING id`), run as a CTE of the statement that also
 * writes the event and audit rows, so all three are written or none is. For
 * hot paths (a card moved on the board): one round trip instead of five.
 * `write.name` names the statement: the same name must always carry the
 * same SQL. Resolves with null when `write` changed nothing (the expected state was
 * gone): the caller reads again and retries, or takes the locking path.
 */
export async function recordStatement(
  context: ChangeContext,
  write: { name: string; sql: string; bindings: (StrictValues | null)[] },
  change: ResolvedChange
): Promise<RecordedEvent | null> {
  const prepared = prepare(change, context)
  // a fixed text per name: prepared once per pooled connection, sent through pg (see pg_client)
  const rows = await pgQuery<{ id: string; created_at: Date }>(
    {
      name: `record.${write.name}`,
      text: numbered(
        `WITH changed AS (${write.sql}), ${recordCtes('changed')} SELECT id, created_at FROM event`
      ),
    },
    [...write.bindings, ...prepared.bindings]
  )
  if (rows.length === 0) return null
  const recorded = prepared.recorded(rows[0])
  await publish([recorded])
  return recorded
}

/** The common case: one domain write, one record changed. */
export async function recordChange<T>(
  context: ChangeContext,
  write: (trx: TransactionClientContract) => Promise<T>,
  change: Change<T>
): Promise<T> {
  return recordChanges(context, async (trx, recorder) => {
    const value = await write(trx)
    await recorder.record({
      ...change,
      action: resolve(change.action, value),
      resourceId: resolve(change.resourceId, value),
      before: change.before === undefined ? null : resolve(change.before, value),
      after: change.after === undefined ? null : resolve(change.after, value),
      taskId: change.taskId === undefined ? null : resolve(change.taskId, value),
      agentId: change.agentId === undefined ? undefined : resolve(change.agentId, value),
      payload: change.payload === undefined ? undefined : resolve(change.payload, value),
    })
    return value
  })
}
