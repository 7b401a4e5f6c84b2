import User from '#models/user'
import { Role } from '#enums/roles'
import { ApiError } from '#exceptions/api_error'
import { recordChange, type ChangeContext } from '#services/change_recorder'

export interface UserChanges {
  role?: Role
  is_active?: boolean
  password?: string
}

/**
 * Changes a user's role, activity or password. Deactivation revokes every
 * personal token at once (sessions are refused by the auth middleware).
 * The last active admin cannot be demoted or deactivated: someone must be
 * able to manage the system.
 */
export const updateUser = {
  async handle(context: ChangeContext, id: string, changes: UserChanges) {
    return recordChange(
      context,
      async (trx) => {
        const user = await User.query({ client: trx }).where('id', id).forUpdate().first()
        if (!user) throw ApiError.notFound('User')
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
            throw ApiError.conflict(
              'The last active admin cannot be demoted or deactivated',
              'E_LAST_ADMIN'
            )
          }
        }

        if (changes.role) user.role = changes.role
        if (changes.is_active !== undefined) user.isActive = changes.is_active
        if (changes.password) user.password = changes.password
        await user.useTransaction(trx).save()

        if (changes.is_active === false) {
          await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
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
      }
    ).then((result) => result.user)
  },
}
