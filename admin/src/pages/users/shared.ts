import type { components } from '#client/api_types'

/** A row of GET /api/users. */
export type UserRecord = components['schemas']['User']
export type Role = UserRecord['role']

export const ROLES = ['admin', 'operator', 'closer', 'viewer'] as const satisfies readonly Role[]

export const ROLE_OPTIONS = ROLES.map((role) => ({ label: role, value: role }))
export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  operator: 'blue',
  closer: 'green',
  viewer: 'default',
}
