import { createTwoFilesPatch } from 'diff'
import Agent from '#models/agent'
import User from '#models/user'
import { ApiException } from '#exceptions/api_exception'
import type { Actor } from '#policies/actor'
import Draft from '../models/draft.js'
import DraftVersion from '../models/draft_version.js'
import Approval from '../models/approval.js'
import { ApprovalAction } from '../enums.js'

export interface FeedbackItem {
  approval_id: string
  action: ApprovalAction
  /** The version decided on: the one the admin read. Null for decisions older than this record. */
  version: number | null
  notes: string | null
  decided_at: string
  /** The admin who decided (their e-mail as name); for an approval policy's decision, id null. */
  decided_by: { id: string | null; name: string | null }
  /** Approved by an approval policy at submit time, not by a person. */
  auto: boolean
  /**
   * An inline edit: the admin's text as a new version, and what it changed
   * in the agent's version as a unified diff.
   */
  edit: { from_version: number; to_version: number; content: string; diff: string } | null
}

export interface DraftFeedback {
  draft_id: string
  status: string
  current_version: number
  /** Every decision on the draft, newest first; the first is what the agent should act on. */
  decisions: FeedbackItem[]
}

/**
 * Who may read a draft's feedback: people who may read drafts, and the agent
 * that wrote it. Another agent is refused: a reviewer's notes are meant for
 * the draft's author.
 */
export function mayReadFeedback(actor: Actor, draft: Pick<Draft, 'createdBy'>) {
  return !(actor instanceof Agent) || draft.createdBy === actor.id
}

export function notForThisAgent() {
  return new ApiException(
    403,
    "Only the agent that wrote this draft may read its reviewers' feedback",
    {
      code: 'E_FORBIDDEN',
    }
  )
}

/** GET /api/drafts/:id/feedback: the decisions on a draft, with notes and inline edits as diffs. */
export async function draftFeedback(actor: Actor, draftId: string): Promise<DraftFeedback> {
  const draft = await Draft.find(draftId)
  if (!draft) throw ApiException.notFound('Draft')
  if (!mayReadFeedback(actor, draft)) throw notForThisAgent()

  const approvals = await Approval.query().where('draft_id', draftId).orderBy('decided_at', 'desc')
  const deciders = new Map(
    (
      await User.query()
        .whereIn('id', [...new Set(approvals.flatMap((approval) => approval.decidedBy ?? []))])
        .select('id', 'email')
    ).map((user) => [user.id, user.email])
  )
  const edited = approvals.filter(
    (approval) => approval.action === ApprovalAction.EditInlineApprove && approval.version !== null
  )
  const versions = new Map(
    (
      await DraftVersion.query()
        .where('draft_id', draftId)
        .whereIn(
          'version_number',
          edited.map((approval) => approval.version!)
        )
        .select('version_number', 'content')
    ).map((version) => [version.versionNumber, version.content])
  )

  return {
    draft_id: draft.id,
    status: draft.status,
    current_version: draft.currentVersion,
    decisions: approvals.map((approval) => {
      const base = approval.version === null ? undefined : versions.get(approval.version)
      const edit =
        approval.action === ApprovalAction.EditInlineApprove &&
        approval.editorContent !== null &&
        approval.version !== null &&
        base !== undefined
          ? {
              from_version: approval.version,
              to_version: approval.version + 1,
              content: approval.editorContent,
              diff: createTwoFilesPatch(
                `version ${approval.version}`,
                `version ${approval.version + 1}`,
                base.endsWith('\n') ? base : `${base}\n`,
                approval.editorContent.endsWith('\n')
                  ? approval.editorContent
                  : `${approval.editorContent}\n`,
                'written by the agent',
                'edited by the approver'
              ),
            }
          : null
      return {
        approval_id: approval.id,
        action: approval.action,
        version: approval.version,
        notes: approval.notes,
        decided_at: approval.decidedAt.toISO()!,
        decided_by: approval.decidedBy
          ? { id: approval.decidedBy, name: deciders.get(approval.decidedBy) ?? null }
          : { id: null, name: 'approval policy' },
        auto: approval.auto,
        edit,
      }
    }),
  }
}
