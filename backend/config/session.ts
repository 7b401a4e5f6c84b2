import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/*
| The cookie store keeps the (encrypted) session in the cookie itself, so a
| session made on one API instance is valid on every other one.
*/
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'mc_session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction && !!env.get('APP_URL')?.startsWith('https'),
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER', 'cookie'),
  stores: {
    cookie: stores.cookie(),
  },
})

export default sessionConfig
