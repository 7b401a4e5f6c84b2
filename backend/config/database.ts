import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import { pluginMigrationPaths } from '../plugin_host/discovery.js'

/*
| Tests never use the dev data: TEST_DATABASE_URL, else the machine's own
| PostgreSQL at 127.0.0.1:5432, database `test`.
*/
export function connectionUrl() {
  if (app.inTest) {
    return env.get('TEST_DATABASE_URL') || 'postgres://postgres@127.0.0.1:5432/test'
  }
  const url = env.get('DATABASE_URL')
  if (!url) {
    throw new Error('DATABASE_URL is not set and the embedded PostgreSQL was not started')
  }
  return url
}

const dbConfig = defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: false,
  connections: {
    postgres: {
      client: 'pg',
      connection: { connectionString: connectionUrl() },
      pool: { min: 0, max: env.get('DATABASE_POOL_MAX', 10) },
      migrations: {
        naturalSort: true,
        /* Host tables first, then each enabled plugin's, in dependency order. */
        paths: ['database/migrations', ...(await pluginMigrationPaths())],
      },
      seeders: { paths: ['seed/seeders'] },
    },
  },
})

export default dbConfig
