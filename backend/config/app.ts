import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'
import { trustProxyFunction } from '#services/trusted_proxies'

export const appKey = new Secret(env.get('APP_KEY'))

export const http = defineConfig({
  /* Every request gets an id; the error handler logs it and returns it. */
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  /* X-Forwarded-For counts only from the proxies TRUST_PROXY names (#services/trusted_proxies) */
  trustProxy: trustProxyFunction(env.get('TRUST_PROXY')),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction && !!env.get('APP_URL')?.startsWith('https'),
    sameSite: 'lax',
  },
})
