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
 * the others are decided. Any other failure (the database) stops the run:
 * before any draft was decided it is the answer (nothing was written);
 * after, what was decided stays decided and is reported, and the draft
 * that failed and the rest are reported `E_NOT_DECIDED`, to try again.
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
      if (error instanceof ApiException && error.status < 500) {
        results.push({
          id,
          result: 'refused',
          code: error.details.code ?? 'E_CONFLICT',
          message: error.message,
        })
        continue
      }
      // nothing decided yet: the error is the answer (a 503 says nothing was written, which holds)
      if (!results.some((row) => row.result === 'decided')) throw error
      // drafts are decided: they are reported, and this one and the rest are left for another try
      const index = request.drafts.findIndex((draft) => draft.id === id)
      for (const rest of request.drafts.slice(index)) {
        results.push({
          id: rest.id,
          result: 'refused',
          code: 'E_NOT_DECIDED',
          message:
            rest.id === id
              ? 'This draft could not be decided just now (the database did not answer in time): try again'
              : 'Not decided: the decisions stopped at an earlier draft that could not be decided; try again',
        })
      }
      break
    }
  }
  return {
    action: request.action,
    decided: results.filter((row) => row.result === 'decided').length,
    refused: results.filter((row) => row.result === 'refused').length,
    results,
  }
}
