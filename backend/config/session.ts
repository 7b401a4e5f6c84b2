import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/*
| Sessions live in PostgreSQL: a session made on one API instance is valid
| on every other one, and logout ends it for good (a copied cookie is
| worthless afterwards). The cookie only carries the signed session id.
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
  store: env.get('SESSION_DRIVER', 'database'),
  stores: {
    database: stores.database({ tableName: 'sessions' }),
    cookie: stores.cookie(),
  },
})

export default sessionConfig
