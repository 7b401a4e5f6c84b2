import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'
import { trustProxyFunction } from '#services/trusted_proxies'
import { MAX_PAGE_SIZE } from '#services/list_query'

export const appKey = new Secret(env.get('APP_KEY'))

export const http = defineConfig({
  /* Every request gets an id; the error handler logs it and returns it. */
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  /* X-Forwarded-For counts only from the proxies TRUST_PROXY names (#services/trusted_proxies) */
  trustProxy: trustProxyFunction(env.get('TRUST_PROXY')),
  /* a repeated key is a list up to a whole page (many-by-id: ?id=a&id=b...), not qs's default 20 */
  qs: { parse: { arrayLimit: MAX_PAGE_SIZE, parameterLimit: MAX_PAGE_SIZE + 100 } },
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction && !!env.get('APP_URL')?.startsWith('https'),
    sameSite: 'lax',
  },
})
