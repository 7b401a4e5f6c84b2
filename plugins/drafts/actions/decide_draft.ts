import Draft from '../models/draft.js'
import DraftVersion from '../models/draft_version.js'
import Approval from '../models/approval.js'
import { ApprovalAction, DraftStatus } from '../enums.js'
import { ApiException } from '#exceptions/api_exception'
import { TaskColumn } from '#enums/task'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import { moveLinkedTasks } from '#actions/tasks/move_linked_tasks'
import type User from '#models/user'
import Agent from '#models/agent'
import { sendToAgent } from '#services/realtime'
import { queueForAgent } from '#services/webhook_outbox'
import app from '@adonisjs/core/services/app'
import type { DateTime } from 'luxon'
import { linkedTaskId } from '../services/linked_task.js'
import type { Recorder } from '#services/change_recorder'
import {
  autonomyState,
  holdsAutonomy,
  lockAutonomy,
  requiredApprovals,
  type PolicyRules,
} from '../services/autonomy.js'
import { demoteAgent } from './autonomy.js'

export interface Decision {
  action: ApprovalAction
  version: number
  notes?: string
  content?: string
}

/**
 * Who decides: an admin, or an approval policy at submit time (the system),
 * which names the rule it applied and the evidence it saw.
 */
export type Decider = { admin: User } | { policy: PolicyRules; evidence: Record<string, unknown> }

const APPROVALS = new Set([
  ApprovalAction.Approve,
  ApprovalAction.ApproveWithNotes,
  ApprovalAction.EditInlineApprove,
])

/** What an admin does to an agent's text or verdict: it demotes an agent that held autonomy. */
const CORRECTIONS = new Set([
  ApprovalAction.Reject,
  ApprovalAction.RequestChanges,
  ApprovalAction.EditInlineApprove,
])

const OUTCOME: Record<ApprovalAction, { status: DraftStatus; event: string }> = {
  [ApprovalAction.Approve]: { status: DraftStatus.Approved, event: 'draft.approved' },
  [ApprovalAction.ApproveWithNotes]: { status: DraftStatus.Approved, event: 'draft.approved' },
  [ApprovalAction.EditInlineApprove]: { status: DraftStatus.Approved, event: 'draft.approved' },
  [ApprovalAction.Reject]: { status: DraftStatus.Rejected, event: 'draft.rejected' },
  [ApprovalAction.RequestChanges]: { status: DraftStatus.Draft, event: 'draft.changes_requested' },
}

/**
 * An admin's decision on a draft waiting for approval. The draft row is
 * locked, so when two admins decide at the same moment exactly one wins;
 * the other finds it decided and gets 409. The decision must name the
 * version the admin read (409 if a newer one arrived). Linked records move
 * in the same transaction: the card to done (approved or rejected: decided,
 * nothing waits for an admin any more; the card shows the draft's outcome)
 * or back to doing (changes requested: the writer has work), the lead
 * forward to approved. Nothing is ever sent.
 */
export async function decideDraft(
  context: ChangeContext,
  admin: User,
  draftId: string,
  decision: Decision
) {
  const decided = await recordDecision(context, admin, draftId, decision)
  if (decided.final) await tellTheAuthor(decided.draft, decided.approval)
  return decided
}

/**
 * The decision, on the author's private channel when an agent wrote the
 * draft: the agent can act on the notes at once (GET /api/drafts/:id/feedback
 * has the same, and the inline edit as a diff).
 */
export async function tellTheAuthor(draft: Draft, approval: Approval) {
  try {
    const author = await Agent.find(draft.createdBy)
    if (author) sendToAgent(author.id, feedbackMessage(draft, approval))
  } catch (error) {
    // the decision is committed: a lost message is not a failed decision (the feedback route has it)
    const { default: logger } = await import('@adonisjs/core/services/logger')
    logger.warn({ err: error }, 'feedback: the author could not be told on its channel')
  }
}

/** A decision as its author is told (realtime `feedback`, webhook `draft.feedback`). */
function feedbackMessage(draft: Draft, approval: Approval) {
  return {
    type: 'feedback' as const,
    draft_id: draft.id,
    approval_id: approval.id,
    action: approval.action,
    status: draft.status,
    version: approval.version,
    notes: approval.notes,
    edited: approval.editorContent !== null,
    /** approved by an approval policy, not by an admin */
    auto: approval.auto,
    at: approval.decidedAt.toISO(),
  }
}

function recordDecision(context: ChangeContext, admin: User, draftId: string, decision: Decision) {
  return recordChanges(context, async (trx, recorder) => {
    const draft = await Draft.query({ client: trx }).where('id', draftId).forUpdate().first()
    if (!draft) throw ApiException.notFound('Draft')
    if (draft.status !== DraftStatus.NeedsApproval) {
      throw ApiException.conflict(
        draft.approverId && draft.status !== DraftStatus.Draft
          ? `This draft was already decided (${draft.status}) by someone else`
          : `Only a draft waiting for approval can be decided; this one is ${draft.status}`,
        'E_ALREADY_DECIDED'
      )
    }
    if (decision.version !== draft.currentVersion) {
      throw new ApiException(
        409,
        `You decided on version ${decision.version}, but version ${draft.currentVersion} is now current: review it first`,
        { code: 'E_STALE_VERSION', field: 'version' }
      )
    }
    // a lead on the do-not-contact list is never approved for; rejecting or asking for changes still is
    if (APPROVALS.has(decision.action)) {
      const entry = await leadSuppression(trx, draft.leadId)
      if (entry) {
        throw (await app.container.make('leads.suppression')).refusal(entry, "This draft's lead")
      }
    }
    return applyDecision(recorder, draft, { admin }, decision)
  })
}

/**
 * The do-not-contact entry that covers the draft's lead now, or null (no
 * lead), asked of the leads plugin through the container (`leads.suppression`).
 */
export async function leadSuppression(trx: Recorder['trx'], leadId: string | null) {
  if (!leadId || !app.container.hasBinding('leads.suppression')) return null
  return (await app.container.make('leads.suppression')).forLead(leadId, trx)
}

/**
 * The admins who approved the draft's current version in this stay in the
 * queue (an inline edit approves the version it creates), for a kind that
 * needs several.
 */
async function approversOfCurrentVersion(recorder: Recorder, draft: Draft) {
  const rows = await recorder.trx
    .from('approvals')
    .where('draft_id', draft.id)
    .where('auto', false)
    .whereIn('action', [...APPROVALS])
    .if(draft.submittedAt, (q) => q.where('decided_at', '>=', draft.submittedAt!.toJSDate()))
    .whereRaw(`(CASE WHEN action = 'edit_inline_approve' THEN version + 1 ELSE version END) = ?`, [
      draft.currentVersion,
    ])
    .distinct('decided_by')
  return rows.map((row) => row.decided_by as string)
}

/**
 * A decision on a locked draft waiting for approval, on its current
 * version, inside the caller's transaction: an admin's (decideDraft) or an
 * approval policy's (submitDraft). Writes the approval and moves what
 * follows from it; a human correction of an agent that held autonomy
 * demotes it. In a kind that needs two admins, an approval that is not the
 * second by another admin leaves the draft waiting ("1 of 2").
 */
export async function applyDecision(
  recorder: Recorder,
  draft: Draft,
  decider: Decider,
  decision: Decision
) {
  const trx = recorder.trx
  const draftId = draft.id
  const admin = 'admin' in decider ? decider.admin : null
  const author = (await trx
    .from('agents')
    .where('id', draft.createdBy)
    .select('id', 'type')
    .first()) as { id: string; type: string } | null

  // was the author trusted before this correction? (read under the lock a submit waits on)
  const correction = admin !== null && author !== null && CORRECTIONS.has(decision.action)
  let trustedBefore = false
  let since: DateTime | null = null
  if (correction) {
    await lockAutonomy(trx, author!.id, true)
    since = (await autonomyState(trx, author!.id))?.recordSince ?? null
    trustedBefore = await holdsAutonomy(trx, author!, since)
  }

  const approving = APPROVALS.has(decision.action)
  const required =
    admin && approving ? await requiredApprovals(trx, author?.type ?? null, draft.channel) : 1
  let count = 1
  if (required > 1) {
    const approvers = await approversOfCurrentVersion(recorder, draft)
    if (decision.action === ApprovalAction.EditInlineApprove) {
      // the edit is a new version: its approvals start with the editor's
      count = 1
    } else if (approvers.includes(admin!.id)) {
      throw new ApiException(
        409,
        `You already approved version ${draft.currentVersion}: this kind of draft needs ${required} different admins, so another admin must approve it`,
        { code: 'E_SAME_APPROVER' }
      )
    } else {
      count = approvers.length + 1
    }
  }
  const final = !approving || count >= required

  const taskId = await linkedTaskId(trx, draftId)
  const before = draft.serialize()

  if (decision.action === ApprovalAction.EditInlineApprove) {
    // the agent's text stays as it was; the admin's edit is a version of its own
    const version = await DraftVersion.create(
      {
        draftId,
        versionNumber: draft.currentVersion + 1,
        content: decision.content!,
        changeNote: decision.notes ?? 'Edited by the approver',
        createdBy: admin!.id,
      },
      { client: trx }
    )
    draft.currentVersion = version.versionNumber
    await recorder.record({
      action: 'draft.version_added',
      resourceType: 'drafts',
      resourceId: draftId,
      taskId,
      before,
      after: draft.serialize(),
      payload: {
        version: version.versionNumber,
        change_note: version.changeNote,
        by: 'approver',
      },
    })
  }

  const outcome = OUTCOME[decision.action]
  if (final) {
    draft.status = outcome.status
    draft.approverId = admin?.id ?? null
    if (outcome.status === DraftStatus.Draft) draft.submittedAt = null
  }
  await draft.useTransaction(trx).save()

  const auto = 'policy' in decider ? decider : null
  const approval = await Approval.create(
    {
      draftId,
      action: decision.action,
      version: decision.version,
      notes: decision.notes ?? null,
      editorContent:
        decision.action === ApprovalAction.EditInlineApprove ? decision.content! : null,
      decidedBy: admin?.id ?? null,
      auto: auto !== null,
      policy: auto ? { ...auto.policy } : null,
      evidence: auto?.evidence ?? null,
      approvalCount: required > 1 ? count : null,
      approvalsRequired: required > 1 ? required : null,
    },
    { client: trx }
  )
  // an auto-approval says which rule approved it and on what evidence, in its event and audit row
  const why = auto ? { auto: true, policy: auto.policy, evidence: auto.evidence } : {}
  const quorum = required > 1 ? { approval_count: count, approvals_required: required } : {}
  await recorder.record({
    action: 'approval.created',
    resourceType: 'approvals',
    resourceId: approval.id,
    taskId,
    after: approval.serialize(),
    payload: {
      draft_id: draftId,
      action: decision.action,
      version: draft.currentVersion,
      ...quorum,
      ...why,
    },
  })

  if (!final) {
    await recorder.record({
      action: 'draft.approval_recorded',
      resourceType: 'drafts',
      resourceId: draftId,
      taskId,
      before,
      after: draft.serialize(),
      payload: {
        status: draft.status,
        decision: decision.action,
        version: draft.currentVersion,
        approval_id: approval.id,
        ...quorum,
      },
    })
  } else {
    await recorder.record({
      action: outcome.event,
      resourceType: 'drafts',
      resourceId: draftId,
      taskId,
      // an approval the agent earned shows in its own activity
      agentId: auto && author ? author.id : undefined,
      before,
      after: draft.serialize(),
      payload: {
        status: draft.status,
        decision: decision.action,
        version: draft.currentVersion,
        approval_id: approval.id,
        // the notes are feedback for the draft's author (GET /api/drafts/:id/feedback), not for every reader of events
        has_notes: Boolean(decision.notes),
        ...quorum,
        ...why,
      },
    })

    if (outcome.status === DraftStatus.Approved || outcome.status === DraftStatus.Rejected) {
      // decided either way: nothing waits for an admin any more, the card is finished
      await moveLinkedTasks(
        recorder,
        { kind: 'draft', id: draftId },
        TaskColumn.Done,
        outcome.event
      )
    }
    if (outcome.status === DraftStatus.Approved) {
      if (draft.leadId)
        await (
          await app.container.make('leads.funnel')
        ).advance(recorder, draft.leadId, 'approved', outcome.event)
    } else if (outcome.status === DraftStatus.Draft) {
      await moveLinkedTasks(
        recorder,
        { kind: 'draft', id: draftId },
        TaskColumn.Doing,
        outcome.event
      )
    }
    // the author's webhook subscriptions get it if and only if the decision commits
    if (author) {
      const { type: _type, ...message } = feedbackMessage(draft, approval)
      await queueForAgent(trx, author.id, 'draft.feedback', message)
    }
  }

  // a correction of an agent that held autonomy, or that this decision would leave qualified, demotes it
  if (correction && (trustedBefore || (await holdsAutonomy(trx, author!, since)))) {
    await demoteAgent(recorder, author!.id, approval)
  }
  return { draft, approval, final }
}
