import { defineConfig } from '@adonisjs/auth'
import { sessionGuard, sessionUserProvider } from '@adonisjs/auth/session'
import { tokensGuard } from '@adonisjs/auth/access_tokens'
import { oneQueryTokensUserProvider } from '#services/token_provider'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'

/*
| Three guards side by side:
| - web:   humans, HttpOnly session cookie (CSRF-protected mutations)
| - api:   humans' personal access tokens (mcu_...)
| - agent: agents' tokens (mca_...), their own table
| A token and its owner are read in one query (#services/token_provider).
*/
const authConfig = defineConfig({
  default: 'web',
  guards: {
    web: sessionGuard({
      useRememberMeTokens: false,
      provider: sessionUserProvider({ model: () => import('#models/user') }),
    }),
    api: tokensGuard({
      provider: oneQueryTokensUserProvider({
        tokens: 'accessTokens',
        model: () => import('#models/user'),
      }),
    }),
    agent: tokensGuard({
      provider: oneQueryTokensUserProvider({
        tokens: 'accessTokens',
        model: () => import('#models/agent'),
      }),
    }),
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
