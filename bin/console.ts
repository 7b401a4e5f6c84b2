/*
|--------------------------------------------------------------------------
| Ace entrypoint
|--------------------------------------------------------------------------
|
| Commands that talk to the database get the same embedded PostgreSQL as the
| server when DATABASE_URL is not set.
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

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, new URL(APP_ROOT, 'file://')).href)
  }
  return import(filePath)
}

const DATABASE_COMMANDS = /^(migration:|db:|seed:|agent:token|agents:demo|users:)/

try {
  loadDotEnv()
  ensureAppKey()
  const command = process.argv[2] ?? ''
  if (DATABASE_COMMANDS.test(command) && process.env.NODE_ENV !== 'test') {
    await ensureDatabase()
  }
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
    })
    .ace()
    .handle(process.argv.splice(2))
} catch (error) {
  process.exitCode = 1
  prettyPrintError(error)
} finally {
  await stopEmbeddedDatabase().catch(() => {})
}
