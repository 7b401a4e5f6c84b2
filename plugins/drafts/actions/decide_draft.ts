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
import { linkedTaskId } from '../services/linked_task.js'

export interface Decision {
  action: ApprovalAction
  version: number
  notes?: string
  content?: string
}

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
  await tellTheAuthor(decided.draft, decided.approval)
  return decided
}

/**
 * The decision, on the author's private channel when an agent wrote the
 * draft: the agent can act on the notes at once (GET /api/drafts/:id/feedback
 * has the same, and the inline edit as a diff).
 */
async function tellTheAuthor(draft: Draft, approval: Approval) {
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
          createdBy: admin.id,
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
    draft.status = outcome.status
    draft.approverId = admin.id
    if (outcome.status === DraftStatus.Draft) draft.submittedAt = null
    await draft.useTransaction(trx).save()

    const approval = await Approval.create(
      {
        draftId,
        action: decision.action,
        version: decision.version,
        notes: decision.notes ?? null,
        editorContent:
          decision.action === ApprovalAction.EditInlineApprove ? decision.content! : null,
        decidedBy: admin.id,
      },
      { client: trx }
    )
    await recorder.record({
      action: 'approval.created',
      resourceType: 'approvals',
      resourceId: approval.id,
      taskId,
      after: approval.serialize(),
      payload: { draft_id: draftId, action: decision.action, version: draft.currentVersion },
    })
    await recorder.record({
      action: outcome.event,
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
        // the notes are feedback for the draft's author (GET /api/drafts/:id/feedback), not for every reader of events
        has_notes: Boolean(decision.notes),
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
    const author = await trx.from('agents').where('id', draft.createdBy).select('id').first()
    if (author) {
      const { type: _type, ...message } = feedbackMessage(draft, approval)
      await queueForAgent(trx, author.id, 'draft.feedback', message)
    }
    return { draft, approval }
  })
}
