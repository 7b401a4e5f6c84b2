import * as enums from '../enums'
import type { components } from '#client/api_types'

/**
 * A row of GET /api/drafts: the draft, its current content, and its wait for a decision
 * (`waiting_seconds` while needs_approval, `overdue` past the approval SLA).
 */
export type DraftRecord = components['schemas']['Draft']

/** A row of GET /api/drafts/:id/versions. */
export type DraftVersion = components['schemas']['DraftVersion']

/** The API's values; `DraftStatus.Approved` names one (the plugin's enums, whose members are these strings). */
export type DraftStatus = DraftRecord['status']
export type DraftChannel = DraftRecord['channel']
export const DraftStatus = enums.DraftStatus
export const DraftChannel = enums.DraftChannel
export const DRAFT_STATUSES: readonly DraftStatus[] = enums.DRAFT_STATUSES
export const DRAFT_CHANNELS: readonly DraftChannel[] = enums.DRAFT_CHANNELS

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
