import User from '#models/user'
import { Role } from '#enums/roles'
import { randomUUID } from 'node:crypto'

export const PASSWORD = 'correct horse battery'

/** A user of the given role with a unique email. */
export async function makeUser(
  role: Role = Role.Admin,
  overrides: Partial<{ email: string; isActive: boolean }> = {}
) {
  return User.create({
    email: overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@example.com`,
    password: PASSWORD,
    role,
    isActive: overrides.isActive ?? true,
  })
}
