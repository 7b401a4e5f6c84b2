export const ROLES = ['admin', 'operator', 'closer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_OPTIONS = ROLES.map((role) => ({ label: role, value: role }))
export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  operator: 'blue',
  closer: 'green',
  viewer: 'default',
}

/** A row of GET /api/users. */
export interface UserRecord {
  id: string
  email: string
  role: Role
  is_active: boolean
  created_at: string
  updated_at: string
}
