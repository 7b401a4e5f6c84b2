import type { TimelineSource } from '#plugin_host/define_plugin'
import DraftVersion from '../models/draft_version.js'
import Approval from '../models/approval.js'

/** Every version and decision of the drafts in a replay timeline. */
export const draftTimeline: TimelineSource = async ({ links }) => {
  if (links.draft_ids.length === 0) return []
  const [versions, approvals] = await Promise.all([
    DraftVersion.query().whereIn('draft_id', links.draft_ids).orderBy('created_at'),
    Approval.query().whereIn('draft_id', links.draft_ids).orderBy('decided_at'),
  ])
  return [
    ...versions.map((version) => ({
      at: version.createdAt.toISO()!,
      kind: 'version',
      draft_id: version.draftId,
      version_number: version.versionNumber,
      content: version.content,
      change_note: version.changeNote,
      created_by: version.createdBy,
    })),
    ...approvals.map((approval) => ({
      at: approval.decidedAt.toISO()!,
      kind: 'approval',
      draft_id: approval.draftId,
      action: approval.action,
      notes: approval.notes,
      editor_content: approval.editorContent,
      decided_by: approval.decidedBy,
    })),
  ]
}
