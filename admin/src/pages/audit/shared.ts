import type { components } from '#client/api_types'

/** A row of GET /api/audit. */
export type AuditRecord = components['schemas']['AuditEntry']

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
