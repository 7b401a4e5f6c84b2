import { LEAD_SCORES, LEAD_STATUSES, LeadScore, LeadStatus } from '../enums'

export { LEAD_SCORES, LEAD_STATUSES, LeadScore, LeadStatus }

/** A row of GET /api/leads. */
export interface LeadRecord {
  id: string
  business_name: string
  niche: string
  region: string
  website: string
  contact_name: string | null
  contact_role: string | null
  email: string | null
  phone: string | null
  source: string
  lead_score: LeadScore
  status: LeadStatus
  last_action_at: string | null
  next_step: string | null
  notes: string[]
  created_at: string
  updated_at: string
}

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
