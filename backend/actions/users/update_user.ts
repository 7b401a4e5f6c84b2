import { DateTime } from 'luxon'
import User from '#models/user'
import { Role } from '#enums/roles'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, type ChangeContext } from '#services/change_recorder'

export interface UserChanges {
  role?: Role
  is_active?: boolean
  password?: string
}

/**
 * Changes a user's role, activity or password. Deactivation revokes every
 * personal token at once (sessions are refused by the auth middleware). A
 * new password ends every other session (their stamp no longer matches,
 * see the auth middleware) and revokes every personal token but `keepToken`
 * (the one the user is changing it with, if any).
 * The last active admin cannot be demoted or deactivated: someone must be
 * able to manage the system.
 */
export const updateUser = {
  async handle(
    context: ChangeContext,
    id: string,
    changes: UserChanges,
    options: { keepToken?: number | null } = {}
  ) {
    return recordChange(
      context,
      async (trx) => {
        const user = await User.query({ client: trx }).where('id', id).forUpdate().first()
        if (!user) throw ApiException.notFound('User')
        const before = user.serialize()

        const losesAdmin =
          user.role === Role.Admin &&
          user.isActive &&
          ((changes.role && changes.role !== Role.Admin) || changes.is_active === false)
        if (losesAdmin) {
          const [{ count }] = await trx
            .from('users')
            .where({ role: Role.Admin, is_active: true })
            .count('* as count')
          if (Number(count) <= 1) {
            throw ApiException.conflict(
              'The last active admin cannot be demoted or deactivated',
              'E_LAST_ADMIN'
            )
          }
        }

        if (changes.role) user.role = changes.role
        if (changes.is_active !== undefined) user.isActive = changes.is_active
        if (changes.password) {
          user.password = changes.password
          user.passwordChangedAt = DateTime.now()
        }
        await user.useTransaction(trx).save()

        if (changes.is_active === false) {
          await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
        } else if (changes.password) {
          await trx
            .from('auth_access_tokens')
            .where('tokenable_id', user.id)
            .if(options.keepToken, (query) => query.whereNot('id', options.keepToken!))
            .delete()
        }
        return { user, before, after: user.serialize() }
      },
      {
        action: changes.is_active === false ? 'user.deactivated' : 'user.updated',
        resourceType: 'users',
        resourceId: id,
        before: (result) => result.before,
        after: (result) => result.after,
        payload: {
          changed: Object.keys(changes).filter((key) => key !== 'password'),
        },
        /* the audit row (admins only) says the password changed; the event, which everyone reads, does not */
        changed: Object.keys(changes),
      }
    ).then((result) => result.user)
  },
}
