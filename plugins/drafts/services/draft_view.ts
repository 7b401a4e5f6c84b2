import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Draft from '../models/draft.js'
import { DraftStatus } from '../enums.js'
import { draftsConfig } from '../config.js'

/**
 * Adds to a drafts query (subselects, no N+1) the current version's
 * content, and for a kind that needs several admins how many approved the
 * current version while it waits and how many must (its approval policy).
 */
export function withContent(query: ModelQueryBuilderContract<typeof Draft>) {
  return query.select(
    'drafts.*',
    db
      .from('draft_versions')
      .select('content')
      .whereColumn('draft_versions.draft_id', 'drafts.id')
      .whereColumn('draft_versions.version_number', 'drafts.current_version')
      .as('content'),
    db.raw(`(SELECT p.required_approvals FROM approval_policies p JOIN agents ag ON ag.type = p.agent_type
      WHERE ag.id = drafts.created_by AND (p.channel = drafts.channel OR p.channel IS NULL)
      ORDER BY (p.channel IS NULL) LIMIT 1) AS approvals_required`),
    // an inline edit approves the version it made
    db.raw(`(SELECT count(DISTINCT a.decided_by)::int FROM approvals a
      WHERE a.draft_id = drafts.id AND drafts.status = 'needs_approval'
        AND a.approval_count IS NOT NULL AND a.decided_at >= drafts.submitted_at
        AND (CASE WHEN a.action = 'edit_inline_approve' THEN a.version + 1 ELSE a.version END)
          = drafts.current_version) AS approvals_given`)
  )
}

/**
 * The draft as the API shows it: the record, its current content, and for
 * drafts waiting for a decision the waiting time and whether it is past
 * the approval SLA.
 */
export function serializeDraft(draft: Draft, now = DateTime.now()) {
  const waiting =
    draft.status === DraftStatus.NeedsApproval && draft.submittedAt
      ? Math.max(0, Math.floor(now.diff(draft.submittedAt, 'seconds').seconds))
      : null
  return {
    ...draft.serialize(),
    content: (draft.$extras.content as string | undefined) ?? null,
    approvals_required: (draft.$extras.approvals_required as number | null | undefined) ?? 1,
    approvals_given: (draft.$extras.approvals_given as number | undefined) ?? 0,
    waiting_seconds: waiting,
    overdue: waiting !== null && waiting > draftsConfig.approvalSlaMinutes * 60,
  }
}
