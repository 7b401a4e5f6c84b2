import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import User from '#models/user'
import { ApiException } from '#exceptions/api_exception'
import hash from '@adonisjs/core/services/hash'
import { changeUser } from '#actions/users/change_user'
import { keepSessionCurrent } from '#services/session_stamp'
import { changePasswordValidator, createTokenValidator, loginValidator } from '#validators/auth'
import { describeActor } from '#services/serializers'
import { describeToken, mintToken } from '#services/access_tokens'
import { actorFromContext, recordChange } from '#services/change_recorder'

/** Failed attempts per key (an address and an e-mail; a user's password change). */
function loginThrottle() {
  return limiter.use({
    requests: env.get('LOGIN_MAX_ATTEMPTS', 5),
    duration: '1 min',
    blockDuration: `${env.get('LOGIN_BLOCK_MINUTES', 15)} mins`,
  })
}

export default class AuthController {
  /**
   * Session login. Failed attempts are counted in the database, so every
   * instance shares them, per (address, email) and per address whatever the
   * emails (password spraying); past either limit: 429. The address is the
   * client's as trusted proxies report it (TRUST_PROXY), never a header the
   * client chose.
   */
  async login(ctx: HttpContext) {
    const { request, auth, response } = ctx
    const { email, password } = await request.validateUsing(loginValidator)
    const normalized = User.normalizeEmail(email)
    const address = request.ip()

    const perAddress = limiter.use({
      requests: env.get('LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 20),
      duration: '1 min',
      blockDuration: `${env.get('LOGIN_BLOCK_MINUTES', 15)} mins`,
    })
    const addressKey = `login_address_${address}`
    const seen = await perAddress.get(addressKey)
    if (seen && seen.remaining <= 0) throw new limiterErrors.E_TOO_MANY_REQUESTS(seen)

    const [blocked, user] = await loginThrottle()
      .penalize(`login_${address}_${normalized}`, () =>
        User.verifyCredentials(normalized, password)
      )
      .catch(async (error) => {
        // a success never clears the address's count: one good account must not reset a spray
        const { consumed, limit } = await perAddress.increment(addressKey)
        if (consumed >= limit) await perAddress.block(addressKey, perAddress.blockDuration)
        throw error
      })
    if (blocked) throw blocked

    if (!user.isActive) {
      throw new ApiException(401, 'This account is deactivated', {
        code: 'E_ACCOUNT_DISABLED',
      })
    }
    await auth.use('web').login(user)
    keepSessionCurrent(ctx, user)
    return response.ok({ user: describeActor(user) })
  }

  /** Ends the session, or revokes the token the request was made with. */
  async logout(ctx: HttpContext) {
    const { auth, response } = ctx
    if (auth.authenticatedViaGuard === 'web') {
      await auth.use('web').logout()
    } else if (auth.authenticatedViaGuard === 'api') {
      const user = auth.use('api').getUserOrFail()
      await this.#revoke(ctx, user, Number(user.currentAccessToken.identifier))
    }
    return response.noContent()
  }

  async me({ auth }: HttpContext) {
    return describeActor(auth.getUserOrFail())
  }

  /** Personal access tokens: the secret is in this answer only. */
  async createToken(ctx: HttpContext) {
    const user = this.#humanOnly(ctx.auth.user)
    const { name } = await ctx.request.validateUsing(createTokenValidator)
    const token = await recordChange(
      actorFromContext(ctx),
      (trx) => mintToken(trx, User.accessTokens, user.id, ['*'], name),
      {
        action: 'user.token_created',
        resourceType: 'users',
        resourceId: user.id,
        after: (minted) => describeToken(minted),
      }
    )
    return ctx.response.created({
      ...describeToken(token),
      token: token.value!.release(),
    })
  }

  /**
   * A person changes their own password: the current one is checked (with
   * the login's throttle, so this is no way around it), the new one must
   * pass the password policy, and every other session and token ends.
   */
  async changePassword(ctx: HttpContext) {
    const user = this.#humanOnly(ctx.auth.user)
    const { current_password: current, password } = await ctx.request.validateUsing(
      changePasswordValidator,
      { meta: { email: user.email } }
    )
    const [blocked] = await loginThrottle().penalize(`password_${user.id}`, async () => {
      if (!user.password || !(await hash.use('scrypt').verify(user.password, current))) {
        throw new ApiException(422, 'The current password is not right', {
          field: 'current_password',
          rule: 'currentPassword',
          code: 'E_VALIDATION_ERROR',
        })
      }
    })
    if (blocked) throw blocked
    await changeUser(ctx, user.id, { password })
    return ctx.response.noContent()
  }

  async listTokens({ auth }: HttpContext) {
    const user = this.#humanOnly(auth.user)
    return (await User.accessTokens.all(user)).map(describeToken)
  }

  async revokeToken(ctx: HttpContext) {
    const user = this.#humanOnly(ctx.auth.user)
    await this.#revoke(ctx, user, Number(ctx.params.id))
    return ctx.response.noContent()
  }

  /** Deletes one of the user's tokens, recorded like every change (404 if it is not theirs). */
  async #revoke(ctx: HttpContext, user: User, tokenId: number) {
    await recordChange(
      actorFromContext(ctx),
      async (trx) => {
        const deleted = await trx
          .from('auth_access_tokens')
          .where({ id: tokenId, tokenable_id: user.id })
          .delete()
        if (!Number(deleted)) throw ApiException.notFound('Token')
      },
      {
        action: 'user.token_revoked',
        resourceType: 'users',
        resourceId: user.id,
        before: { token_id: tokenId },
      }
    )
  }

  #humanOnly(actor: HttpContext['auth']['user']): User {
    if (!(actor instanceof User))
      throw ApiException.forbidden('Only people have personal access tokens')
    return actor
  }
}
