import * as enums from '../enums'
import type { components } from '#client/api_types'

/** A row of GET /api/leads. */
export type LeadRecord = components['schemas']['Lead']

/** The API's values; `LeadStatus.New` names one (the plugin's enums, whose members are these strings). */
export type LeadStatus = LeadRecord['status']
export type LeadScore = LeadRecord['lead_score']
export const LeadStatus = enums.LeadStatus
export const LeadScore = enums.LeadScore
export const LEAD_STATUSES: readonly LeadStatus[] = enums.LEAD_STATUSES
export const LEAD_SCORES: readonly LeadScore[] = enums.LEAD_SCORES

/** What a closer may change (the server refuses any other field from them). */
export const FOLLOW_UP_FIELDS = ['status', 'next_step', 'notes'] as const

export const STATUS_COLORS: Record<LeadStatus, string> = {
  [LeadStatus.New]: 'default',
  [LeadStatus.Enriched]: 'cyan',
  [LeadStatus.Drafted]: 'blue',
  [LeadStatus.Approved]: 'geekblue',
  [LeadStatus.Contacted]: 'purple',
  [LeadStatus.Replied]: 'gold',
  [LeadStatus.Booked]: 'green',
  [LeadStatus.Lost]: 'red',
}

export const SCORE_COLORS: Record<LeadScore, string> = {
  [LeadScore.A]: 'green',
  [LeadScore.B]: 'gold',
  [LeadScore.C]: 'default',
}

export const STATUS_OPTIONS = LEAD_STATUSES.map((value) => ({ value, label: value }))
export const SCORE_OPTIONS = LEAD_SCORES.map((value) => ({ value, label: value }))

/** The list's "Do not contact" filter (`suppressed=true|false`). */
export const SUPPRESSED_OPTIONS = [
  { value: 'true', label: 'suppressed' },
  { value: 'false', label: 'not suppressed' },
]

/** Why a lead is suppressed, for a tooltip or a banner. */
export function suppressionText(lead: Pick<LeadRecord, 'suppression'>) {
  const entry = lead.suppression
  if (!entry) return ''
  return entry.kind === 'email'
    ? `On the do-not-contact list: the address ${entry.value}`
    : `On the do-not-contact list: the domain ${entry.value}`
}
