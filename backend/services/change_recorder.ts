/**
 * The one path every mutation takes: in one transaction the domain write,
 * one task_events row and one audit_log row; after commit, the envelope is
 * handed to the broadcaster. If any insert fails, nothing is written.
 */
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Agent from '#models/agent'
import { ActorType } from '#enums/actor_type'

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
  action: string
  resourceType: string
  resourceId: string | ((result: T) => string)
  before?: Record<string, unknown> | null | ((result: T) => Record<string, unknown> | null)
  after?: Record<string, unknown> | null | ((result: T) => Record<string, unknown> | null)
  taskId?: string | null | ((result: T) => string | null)
  agentId?: string | null
  /** Extra payload for the event (replay needs, for example). */
  payload?: Record<string, unknown> | ((result: T) => Record<string, unknown>)
}

export interface RecordedEvent {
  seq: number
  action: string
  resourceType: string
  resourceId: string
  taskId: string | null
  agentId: string | null
  actor: ActorRef
  createdAt: Date
  payload: Record<string, unknown>
}

type Listener = (event: RecordedEvent) => void | Promise<void>
const listeners = new Set<Listener>()

/** Called after commit for every recorded change (the realtime layer subscribes here). */
export function onRecorded(listener: Listener) {
  listeners.add(listener)
  return () => listeners.delete(listener)
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

export async function recordChange<T>(
  context: ChangeContext,
  change: Change<T>,
  write: (trx: TransactionClientContract) => Promise<T>
): Promise<T> {
  const recorded: RecordedEvent[] = []
  const result = await db.transaction(async (trx) => {
    const value = await write(trx)
    const resourceId = resolve(change.resourceId, value)
    const before = change.before === undefined ? null : resolve(change.before, value)
    const after = change.after === undefined ? null : resolve(change.after, value)
    const taskId = change.taskId === undefined ? null : resolve(change.taskId, value)
    const payload = {
      resource: change.resourceType,
      id: resourceId,
      ...(change.payload ? resolve(change.payload, value) : {}),
    }
    const agentId =
      change.agentId ?? (context.actor.type === ActorType.Agent ? context.actor.id : null)

    const [event] = await trx
      .insertQuery()
      .table('task_events')
      .insert({
        task_id: taskId,
        agent_id: agentId,
        event_type: change.action,
        payload: JSON.stringify(payload),
        created_by: context.actor.id,
      })
      .returning(['id', 'created_at'])

    await trx
      .insertQuery()
      .table('audit_log')
      .insert({
        actor_type: context.actor.type,
        actor_id: context.actor.id,
        action: change.action,
        resource_type: change.resourceType,
        resource_id: resourceId,
        before_state: before ? JSON.stringify(before) : null,
        after_state: after ? JSON.stringify(after) : null,
        metadata: JSON.stringify({ request_id: context.requestId, ip: context.ip, seq: Number(event.id) }),
      })

    recorded.push({
      seq: Number(event.id),
      action: change.action,
      resourceType: change.resourceType,
      resourceId,
      taskId,
      agentId,
      actor: context.actor,
      createdAt: event.created_at,
      payload,
    })
    return value
  })

  for (const event of recorded) {
    for (const listener of listeners) {
      try {
        await listener(event)
      } catch {
        /* a broadcast failure never undoes a committed change */
      }
    }
  }
  return result
}
