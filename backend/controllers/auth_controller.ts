import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import { ApiError } from '#exceptions/api_error'
import { createTokenValidator, loginValidator } from '#validators/auth'
import { describeActor } from '#services/serializers'
import { describeToken, mintToken } from '#services/access_tokens'
import { actorFromContext, recordChange } from '#services/change_recorder'

export default class AuthController {
  /**
   * Session login. Failed attempts per (IP, email) are counted in the
   * database, so every instance shares them; past the limit: 429.
   */
  async login({ request, auth, response }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const normalized = User.normalizeEmail(email)

    const throttle = limiter.use({
      requests: env.get('LOGIN_MAX_ATTEMPTS', 5),
      duration: '1 min',
      blockDuration: `${env.get('LOGIN_BLOCK_MINUTES', 15)} mins`,
    })
    const key = `login_${request.ip()}_${normalized}`
    const [blocked, user] = await throttle.penalize(key, () =>
      User.verifyCredentials(normalized, password)
    )
    if (blocked) throw blocked

    if (!user.isActive) {
      throw new ApiError(401, 'This account is deactivated', {
        code: 'E_ACCOUNT_DISABLED',
      })
    }
    await auth.use('web').login(user)
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
        if (!Number(deleted)) throw ApiError.notFound('Token')
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
      throw ApiError.forbidden('Only people have personal access tokens')
    return actor
  }
}
