import { DateTime } from 'luxon'
import Draft from '../models/draft.js'
import { ApprovalAction, DraftStatus, PolicyMode } from '../enums.js'
import { ApiException } from '#exceptions/api_exception'
import { linkedTaskId } from '../services/linked_task.js'
import { TaskColumn } from '#enums/task'
import { SYSTEM, recordChanges, type ChangeContext } from '#services/change_recorder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ActorType } from '#enums/actor_type'
import { AgentStatus } from '#enums/agent_status'
import { GLOBAL_PAUSE } from '#services/controls'
import { moveLinkedTasks } from '#actions/tasks/move_linked_tasks'
import { applyDecision, leadSuppression, tellTheAuthor } from './decide_draft.js'
import {
  agentRecord,
  autonomyState,
  evaluate,
  lockAutonomy,
  policyFor,
  policyRules,
} from '../services/autonomy.js'

/**
 * Whether the approval policy for this draft's author and kind approves it
 * now: the author itself submitting its own text (no one else's version
 * since the last person's decision), the author and the crew not paused,
 * an auto-approve policy, autonomy not revoked, and a record that meets
 * every threshold. With the rule and the evidence. The author's row and
 * the global pause are share-locked: a pause being written waits for this
 * submission, or this submission sees it.
 */
async function autoApproval(trx: TransactionClientContract, draft: Draft, context: ChangeContext) {
  if (context.actor.type !== ActorType.Agent || context.actor.id !== draft.createdBy) return null
  const author = (await trx
    .from('agents')
    .where('id', draft.createdBy)
    .select('id', 'type', 'status')
    .forShare()
    .first()) as { id: string; type: string; status: AgentStatus } | null
  if (!author) return null
  if (author.status === AgentStatus.Paused || author.status === AgentStatus.Blocked) return null
  const global = await trx.from('system_controls').where('key', GLOBAL_PAUSE).forShare().first()
  if (global?.value?.paused === true) return null
  /* A text a person already decided on (sent back, say) goes back to a person: only a version
     newer than the last human decision, and the author's own, may be approved by the policy. */
  const { rows: decided } = await trx.rawQuery(
    `SELECT COALESCE(max(a.version), 0) AS version FROM approvals a WHERE a.draft_id = ? AND NOT a.auto`,
    [draft.id]
  )
  const lastDecided = Number(decided[0].version)
  if (draft.currentVersion <= lastDecided) return null
  const { rows: foreign } = await trx.rawQuery(
    `SELECT 1 FROM draft_versions v
     WHERE v.draft_id = ? AND v.created_by IS DISTINCT FROM ? AND v.version_number > ?
     LIMIT 1`,
    [draft.id, author.id, lastDecided]
  )
  if (foreign.length > 0) return null
  const policy = await policyFor(trx, author.type, draft.channel)
  if (!policy || policy.mode !== PolicyMode.AutoApprove) return null
  // waits for a revocation or a demotion being written, and sees it
  await lockAutonomy(trx, author.id, false)
  const state = await autonomyState(trx, author.id)
  if (state?.revoked) return null
  const rules = policyRules(policy)
  const record = await agentRecord(trx, author.id, {
    since: state?.recordSince ?? null,
    channel: policy.channel,
    recentWindow: policy.noRejectionInLast,
  })
  const { qualifies, checks } = evaluate(rules, record)
  return qualifies ? { policy: rules, evidence: { record, checks } } : null
}

/**
 * Into the approval queue; the linked card moves to needs_approval with it.
 * When the approval policy of the author's type and the draft's kind
 * auto-approves and the author's record qualifies, the system approves it
 * in the same transaction, a decision like an admin's (docs/AUTONOMY.md).
 */
export async function submitDraft(context: ChangeContext, draftId: string) {
  const { draft, approval } = await recordChanges(context, async (trx, recorder) => {
    const draft = await Draft.query({ client: trx }).where('id', draftId).forUpdate().first()
    if (!draft) throw ApiException.notFound('Draft')
    if (draft.status !== DraftStatus.Draft) {
      throw ApiException.conflict(
        `Only a draft in status "draft" can be submitted; this one is ${draft.status}`,
        'E_INVALID_TRANSITION'
      )
    }
    // a lead on the do-not-contact list: no policy approves for it, a person decides
    const suppressed = (await leadSuppression(trx, draft.leadId)) !== null
    const auto = suppressed ? null : await autoApproval(trx, draft, context)
    const before = draft.serialize()
    draft.status = DraftStatus.NeedsApproval
    draft.submittedAt = DateTime.now()
    draft.overdueNotifiedAt = null
    await draft.useTransaction(trx).save()
    await recorder.record({
      action: 'draft.submitted_for_approval',
      resourceType: 'drafts',
      resourceId: draftId,
      taskId: await linkedTaskId(trx, draftId),
      before,
      after: draft.serialize(),
      // nobody is asked to decide a draft its policy approves at once
      payload: {
        status: draft.status,
        version: draft.currentVersion,
        auto_approval: !!auto,
        ...(suppressed ? { lead_suppressed: true } : {}),
      },
    })
    await moveLinkedTasks(
      recorder,
      { kind: 'draft', id: draftId },
      TaskColumn.NeedsApproval,
      'draft.submitted_for_approval'
    )
    if (!auto) return { draft, approval: null }
    const system = recorder.as({ ...SYSTEM, requestId: context.requestId })
    return applyDecision(system, draft, auto, {
      action: ApprovalAction.Approve,
      version: draft.currentVersion,
    })
  })
  if (approval) await tellTheAuthor(draft, approval)
  return draft
}
