import { randomBytes } from 'node:crypto'
import env from '#start/env'
import User from '#models/user'
import { Role } from '#enums/roles'
import { passwordProblem } from '#services/password_policy'
import { SYSTEM, recordChange } from '#services/change_recorder'

/**
 * Single-admin mode: when no user exists, create an admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD, or with a generated password shown once.
 */
export async function ensureFirstAdmin() {
  const email = User.normalizeEmail(env.get('ADMIN_EMAIL') || 'admin@example.com')
  const existing = await User.query().count('* as total').pojo<{ total: string }>()
  if (Number(existing[0].total) > 0) return { created: false, email, generatedPassword: null }

  const given = env.get('ADMIN_PASSWORD')
  /* the first admin is held to the same policy as everyone: refuse to start on a guessable one */
  const problem = given ? passwordProblem(given, [email]) : null
  if (problem)
    throw new Error(
      `ADMIN_PASSWORD is refused: ${problem}. Choose another, or unset it to get a generated one.`
    )
  const password = given || randomBytes(12).toString('base64url')
  await recordChange(
    SYSTEM,
    (trx) => User.create({ email, password, role: Role.Admin, isActive: true }, { client: trx }),
    {
      action: 'user.created',
      resourceType: 'users',
      resourceId: (user: User) => user.id,
      after: (user: User) => user.serialize(),
      payload: { reason: 'first run' },
    }
  )
  return { created: true, email, generatedPassword: given ? null : password }
}
