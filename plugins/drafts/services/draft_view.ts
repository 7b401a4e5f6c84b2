import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Draft from '../models/draft.js'
import { DraftStatus } from '../enums.js'
import { draftsConfig } from '../config.js'

/** Adds the current version's content to a drafts query (one subselect, no N+1). */
export function withContent(query: ModelQueryBuilderContract<typeof Draft>) {
  return query.select(
    'drafts.*',
    db
      .from('draft_versions')
      .select('content')
      .whereColumn('draft_versions.draft_id', 'drafts.id')
      .whereColumn('draft_versions.version_number', 'drafts.current_version')
      .as('content')
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
    waiting_seconds: waiting,
    overdue: waiting !== null && waiting > draftsConfig.approvalSlaMinutes * 60,
  }
}
