export enum LeadScore {
  A = 'A',
  B = 'B',
  C = 'C',
}

/** The funnel, in order: a lead only moves forward through it automatically. */
export enum LeadStatus {
  New = 'new',
  Enriched = 'enriched',
  Drafted = 'drafted',
  Approved = 'approved',
  Contacted = 'contacted',
  Replied = 'replied',
  Booked = 'booked',
  Lost = 'lost',
}

export const LEAD_SCORES = Object.values(LeadScore)
export const LEAD_STATUSES = Object.values(LeadStatus)
