import { ApiException } from '#exceptions/api_exception'
import type { ChangeContext } from '#services/change_recorder'
import type User from '#models/user'
import type { ApprovalAction } from '../enums.js'
import { decideDraft } from './decide_draft.js'

export interface BulkDecision {
  action: ApprovalAction
  notes?: string
  drafts: { id: string; version: number }[]
}

export type BulkDecisionRow =
  | { id: string; result: 'decided'; status: string; approval_id: string }
  | { id: string; result: 'refused'; code: string; message: string }

/**
 * One admin decision over many drafts: each draft is decided exactly as if
 * the admin decided it alone (its own transaction, approval row, event,
 * audit row, task move and message to its author), on the version the
 * admin saw. A draft the rules refuse (decided meanwhile, a newer version,
 * its lead on the do-not-contact list) is left as it is and reported;
 * the others are decided. Any other failure stops the run: what was
 * decided stays decided and is reported, and the rest were not touched.
 */
export async function decideDraftsBulk(context: ChangeContext, admin: User, request: BulkDecision) {
  const results: BulkDecisionRow[] = []
  for (const { id, version } of request.drafts) {
    try {
      const { draft, approval } = await decideDraft(context, admin, id, {
        action: request.action,
        version,
        notes: request.notes,
      })
      results.push({ id, result: 'decided', status: draft.status, approval_id: approval.id })
    } catch (error) {
      if (!(error instanceof ApiException) || error.status >= 500) throw error
      results.push({
        id,
        result: 'refused',
        code: error.details.code ?? 'E_CONFLICT',
        message: error.message,
      })
    }
  }
  return {
    action: request.action,
    decided: results.filter((row) => row.result === 'decided').length,
    refused: results.filter((row) => row.result === 'refused').length,
    results,
  }
}
