/** A row of GET /api/audit. */
export interface AuditRecord {
  id: number
  actor_type: 'user' | 'agent' | 'system'
  actor_id: string | null
  action: string
  resource_type: string
  resource_id: string
  before_state: Record<string, unknown> | null
  after_state: Record<string, unknown> | null
  metadata: { request_id?: string | null; ip?: string | null; seq?: number } | null
  created_at: string
}

export const ACTOR_COLORS: Record<AuditRecord['actor_type'], string> = {
  user: 'blue',
  agent: 'purple',
  system: 'default',
}

/** Where a changed record (or the actor) is shown, when that screen exists. */
export function recordPath(
  resourceType: string,
  id: string | null,
  has: (resource: string) => boolean
): string | null {
  if (!id || !has(resourceType)) return null
  if (resourceType === 'users') return `/users/edit/${id}`
  return `/${resourceType}/show/${id}`
}
