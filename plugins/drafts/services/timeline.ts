import type { TimelineSource } from '#plugin_host/define_plugin'
import DraftVersion from '../models/draft_version.js'
import Approval from '../models/approval.js'
import Draft from '../models/draft.js'
import Agent from '#models/agent'

/** Every version and decision of the drafts in a replay timeline. */
export const draftTimeline: TimelineSource = async ({ links, actor }) => {
  if (links.draft_ids.length === 0) return []
  const [versions, approvals, own] = await Promise.all([
    DraftVersion.query().whereIn('draft_id', links.draft_ids).orderBy('created_at'),
    Approval.query().whereIn('draft_id', links.draft_ids).orderBy('decided_at'),
    actor instanceof Agent
      ? Draft.query().whereIn('id', links.draft_ids).where('created_by', actor.id).select('id')
      : null,
  ])
  // a reviewer's notes and edits are for the draft's author: another agent sees that a decision was made
  const ownDrafts = own ? new Set(own.map((draft) => draft.id)) : null
  const private_ = (draftId: string) => ownDrafts !== null && !ownDrafts.has(draftId)
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
      notes: private_(approval.draftId) ? null : approval.notes,
      editor_content: private_(approval.draftId) ? null : approval.editorContent,
      decided_by: approval.decidedBy,
      // approved by an approval policy (the system): which rule, on what record
      auto: approval.auto,
      policy: approval.policy,
      evidence: approval.evidence,
    })),
  ]
}
