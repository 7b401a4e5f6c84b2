import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { ApiException } from '#exceptions/api_exception'
import { createUserValidator, updateUserValidator } from '#validators/user'
import { runList, type ListSpec } from '#services/list_query'
import { actorFromContext, recordChange } from '#services/change_recorder'
import { ROLES } from '#enums/roles'
import { changeUser } from '#actions/users/change_user'

export const USER_LIST: ListSpec = {
  filters: {
    id: 'uuid',
    email: 'text',
    role: { enum: ROLES },
    is_active: 'boolean',
    created_at: 'datetime',
    updated_at: 'datetime',
  },
  sortable: ['email', 'role', 'is_active', 'created_at', 'updated_at'],
  search: ['email'],
  defaultSort: [['created_at', 'asc']],
}

export default class UsersController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('viewList')
    return runList(ctx, User.query(), USER_LIST)
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('view')
    const user = await User.find(params.id)
    if (!user) throw ApiException.notFound('User')
    return user
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('manage')
    const data = await ctx.request.validateUsing(createUserValidator)
    const user = await recordChange(
      actorFromContext(ctx),
      async (trx) => {
        const created = await User.create({ ...data, isActive: true }, { client: trx })
        return User.query({ client: trx }).where('id', created.id).firstOrFail()
      },
      {
        action: 'user.created',
        resourceType: 'users',
        resourceId: (created) => created.id,
        after: (created) => created.serialize(),
      }
    )
    return ctx.response.created(user)
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('manage')
    const target = await User.find(ctx.params.id)
    if (!target) throw ApiException.notFound('User')
    const changes = await ctx.request.validateUsing(updateUserValidator, {
      meta: { email: target.email },
    })
    return changeUser(ctx, target.id, changes)
  }
}
