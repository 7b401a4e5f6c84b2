import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { sessionStore } from '#services/session_store'

/*
| Sessions live in PostgreSQL: a session made on one API instance is valid
| on every other one, and logout ends it for good (a copied cookie is
| worthless afterwards). The cookie only carries the signed session id.
| A session ends `age` after its last request, or up to a minute sooner
| (never later): its row's expiry is moved on at most once a minute, not
| on every request (#services/session_store).
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
    database: sessionStore({ tableName: 'sessions' }),
    cookie: stores.cookie(),
  },
})

export default sessionConfig
