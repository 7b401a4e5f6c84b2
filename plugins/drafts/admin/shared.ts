import { DRAFT_CHANNELS, DRAFT_STATUSES, DraftChannel, DraftStatus } from '../enums'

export { DRAFT_CHANNELS, DRAFT_STATUSES, DraftChannel, DraftStatus }

/** A row of GET /api/drafts: the draft, its current content, and its wait for a decision. */
export interface DraftRecord {
  id: string
  lead_id: string | null
  channel: DraftChannel
  draft_type: string
  status: DraftStatus
  current_version: number
  approver_id: string | null
  scheduled_send_at: string | null
  created_by: string
  submitted_at: string | null
  created_at: string
  updated_at: string
  content: string | null
  /** Seconds in needs_approval when fetched; null otherwise. */
  waiting_seconds: number | null
  /** Waiting past the approval SLA (a server setting). */
  overdue: boolean
}

/** A row of GET /api/drafts/:id/versions. */
export interface DraftVersion {
  id: string
  draft_id: string
  version_number: number
  content: string
  change_note: string | null
  created_by: string
  created_at: string
}

export const STATUS_LABELS: Record<DraftStatus, string> = {
  [DraftStatus.Draft]: 'draft',
  [DraftStatus.NeedsApproval]: 'needs approval',
  [DraftStatus.Approved]: 'approved',
  [DraftStatus.Rejected]: 'rejected',
}

export const STATUS_COLORS: Record<DraftStatus, string> = {
  [DraftStatus.Draft]: 'default',
  [DraftStatus.NeedsApproval]: 'orange',
  [DraftStatus.Approved]: 'green',
  [DraftStatus.Rejected]: 'red',
}

export const CHANNEL_LABELS: Record<DraftChannel, string> = {
  [DraftChannel.Email]: 'Email',
  [DraftChannel.Linkedin]: 'LinkedIn',
  [DraftChannel.Facebook]: 'Facebook',
  [DraftChannel.Instagram]: 'Instagram',
  [DraftChannel.Post]: 'Post',
  [DraftChannel.Script]: 'Script',
  [DraftChannel.LandingPage]: 'Landing page',
  [DraftChannel.AdCopy]: 'Ad copy',
}

export const STATUS_OPTIONS = DRAFT_STATUSES.map((value) => ({
  value,
  label: STATUS_LABELS[value],
}))
export const CHANNEL_OPTIONS = DRAFT_CHANNELS.map((value) => ({
  value,
  label: CHANNEL_LABELS[value],
}))

/**
 * Seconds the draft has waited for a decision, now: the server's figure
 * when fetched, moved on by the time since (submitted_at is the same clock).
 */
export function waitingSeconds(draft: DraftRecord, now: number): number | null {
  if (draft.status !== DraftStatus.NeedsApproval || !draft.submitted_at) return null
  return Math.max(0, (now - new Date(draft.submitted_at).getTime()) / 1000)
}
