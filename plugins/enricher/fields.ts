/** The lead fields an enricher fills in (columns of the leads plugin's table): its settings and its demo behaviour read this list. */
export const ENRICHABLE_FIELDS = [
  'contact_name',
  'contact_role',
  'email',
  'phone',
  'notes',
] as const

export type EnrichableField = (typeof ENRICHABLE_FIELDS)[number]
