import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiException } from '#exceptions/api_exception'
import { applyFilters, parseListQuery } from '#services/list_query'
import { recordChanges, type ChangeContext, type Recorder } from '#services/change_recorder'
import Task from '#models/task'
import { LEAD_LIST, takeSuppressedFilter } from '../services/lead_list.js'
import { suppressedCondition } from '../services/suppression.js'
import type { LeadStatus } from '../enums.js'

/** The most leads one bulk action changes; a wider selection is refused, nothing changed. */
export const MAX_BULK_ACTION_ROWS = 10_000

export const BULK_LEAD_ACTIONS = ['set_status', 'set_next_step', 'delete'] as const
export type BulkLeadAction = (typeof BULK_LEAD_ACTIONS)[number]

/** What each action is recorded as: one event and one audit row per action, whatever its size. */
export const BULK_ACTION_EVENTS: Record<BulkLeadAction, string> = {
  set_status: 'lead.bulk_status_changed',
  set_next_step: 'lead.bulk_next_step_set',
  delete: 'lead.bulk_deleted',
}

/** The leads an action is about: rows picked by id, or every lead a list filter matches now. */
export type BulkSelection =
  { ids: string[]; filter?: undefined } | { ids?: undefined; filter: Record<string, unknown> }

export interface BulkLeadActionRequest {
  action: BulkLeadAction
  selection: BulkSelection
  /** The count the person confirmed: when the selection now holds another number, nothing is changed (409). */
  expectedCount?: number
  status?: LeadStatus
  nextStep?: string | null
}

export interface BulkLeadActionResult {
  id: string
  action: BulkLeadAction
  /** Leads the selection held when the action ran. */
  matched: number
  /** Of those, the leads the action changed (a lead already in the status is left as it is). */
  changed: number
  unchanged: number
}

const LIST_SPEC = { ...LEAD_LIST, table: 'leads' }

/* paging and sorting mean nothing for "every lead that matches" */
const NOT_FILTERS = new Set(['_start', '_end', '_sort', '_order'])

/**
 * The selected leads' ids (and what an action may change of them), locked
 * for the action's transaction, in id order so two bulk actions over the
 * same leads queue instead of deadlocking.
 */
async function lockSelection(trx: TransactionClientContract, selection: BulkSelection) {
  const query = trx
    .from('leads')
    .select('leads.id', 'leads.status', 'leads.next_step')
    .orderBy('leads.id')
    .forUpdate()
    .limit(MAX_BULK_ACTION_ROWS + 1)
  if (selection.ids) {
    query.whereIn('leads.id', selection.ids)
  } else {
    const filter = Object.fromEntries(
      Object.entries(selection.filter).filter(([key]) => !NOT_FILTERS.has(key))
    )
    const { query: rest, suppressed } = takeSuppressedFilter(filter)
    applyFilters(query, parseListQuery(rest, LIST_SPEC), LIST_SPEC)
    if (suppressed !== null) query.whereRaw(suppressedCondition(suppressed))
  }
  const rows: { id: string; status: LeadStatus; next_step: string | null }[] = await query
  if (rows.length > MAX_BULK_ACTION_ROWS) {
    throw new ApiException(
      422,
      `The selection holds more than ${MAX_BULK_ACTION_ROWS.toLocaleString('en-US')} leads: narrow the filter and act in parts`,
      { code: 'E_SELECTION_TOO_LARGE', meta: { max: MAX_BULK_ACTION_ROWS } }
    )
  }
  return rows
}

/** `{previous value: [ids]}`: what the audit row keeps of the leads' state before the action. */
function idsBy<T extends { id: string }>(rows: T[], key: (row: T) => string | null) {
  const groups: Record<string, string[]> = {}
  for (const row of rows) (groups[key(row) ?? ''] ??= []).push(row.id)
  return groups
}

/**
 * Tasks linked to the deleted leads lose the link, each with its own event
 * and snapshot, as when one lead is deleted: replay sees the link end.
 */
async function unlinkTasks(recorder: Recorder, leadIds: string[]) {
  const tasks = await Task.query({ client: recorder.trx })
    .whereIn('linked_lead_id', leadIds)
    .orderBy('id')
    .forUpdate()
  for (const task of tasks) {
    const before = task.serialize()
    const leadId = before.linked_lead_id
    task.setLink('lead', null)
    await task.useTransaction(recorder.trx).save()
    await recorder.record({
      action: 'task.updated',
      resourceType: 'tasks',
      resourceId: task.id,
      taskId: task.id,
      before,
      after: task.serialize(),
      payload: { reason: 'lead deleted', lead_id: leadId },
      snapshot: true,
    })
  }
}

/**
 * One action over many leads, picked by id or by the list's filter: set a
 * status, set the next step, or delete (the controller checks who may).
 * One transaction, one event and one audit row (its before/after keep the
 * ids and their previous values), however many leads it changes.
 */
export async function runBulkLeadAction(
  context: ChangeContext,
  request: BulkLeadActionRequest
): Promise<BulkLeadActionResult> {
  const id = randomUUID()
  return recordChanges(context, async (trx, recorder) => {
    const rows = await lockSelection(trx, request.selection)
    if (request.expectedCount !== undefined && request.expectedCount !== rows.length) {
      throw new ApiException(
        409,
        `The selection now holds ${rows.length} leads, not the ${request.expectedCount} you confirmed: nothing was changed; look again and confirm`,
        { code: 'E_SELECTION_CHANGED', meta: { matched: rows.length } }
      )
    }
    const ids = rows.map((row) => row.id)
    const filter = request.selection.filter ?? null
    let changed: string[] = []
    let before: Record<string, unknown>
    let after: Record<string, unknown>

    if (request.action === 'set_status') {
      const status = request.status!
      changed = rows.filter((row) => row.status !== status).map((row) => row.id)
      if (changed.length > 0) {
        await trx.rawQuery(
          `UPDATE leads SET status = ?, last_action_at = now(), updated_at = now()
           WHERE id = ANY(?::uuid[])`,
          [status, changed]
        )
      }
      before = { status: idsBy(rows, (row) => row.status) }
      after = { status, ids: changed }
    } else if (request.action === 'set_next_step') {
      const nextStep = request.nextStep ?? null
      changed = rows.filter((row) => row.next_step !== nextStep).map((row) => row.id)
      if (changed.length > 0) {
        await trx.rawQuery(
          `UPDATE leads SET next_step = ?, updated_at = now() WHERE id = ANY(?::uuid[])`,
          // knex binds null as NULL; its binding type leaves null out
          [nextStep as string, changed]
        )
      }
      before = { next_step: idsBy(rows, (row) => row.next_step) }
      after = { next_step: nextStep, ids: changed }
    } else {
      if (ids.length > 0) await unlinkTasks(recorder, ids)
      /* the whole rows, so the audit says what was deleted */
      const { rows: deleted } = await trx.rawQuery(
        `DELETE FROM leads WHERE id = ANY(?::uuid[]) RETURNING *`,
        [ids]
      )
      changed = deleted.map((row: { id: string }) => row.id)
      before = { leads: deleted }
      after = { ids: [] }
    }

    const counts = { matched: rows.length, changed: changed.length }
    await recorder.record({
      action: BULK_ACTION_EVENTS[request.action],
      resourceType: 'leads',
      resourceId: id,
      kind: request.action === 'delete' ? 'deleted' : 'updated',
      entityType: 'lead',
      before,
      after,
      changed: request.action === 'delete' ? [] : [request.action.replace('set_', '')],
      /* the event stays small: counts and what was asked; the ids are in the audit row */
      payload: {
        action: request.action,
        ...counts,
        ...(request.action === 'set_status' ? { status: request.status } : {}),
        ...(request.action === 'set_next_step' ? { next_step: request.nextStep ?? null } : {}),
        selection: filter ? { filter } : { ids: ids.length },
      },
    })
    return {
      id,
      action: request.action,
      matched: rows.length,
      changed: changed.length,
      unchanged: rows.length - changed.length,
    }
  })
}
