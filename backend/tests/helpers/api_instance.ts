/**
 * Entry point of a second API instance for the multi-instance tests, run
 * as a child process on the shared test database. It boots the app the way
 * the test runner does (environment `test`) rather than through
 * bin/server.ts, whose first-run step would seed demo agents and leads into
 * the database the rest of the suite counts on. Otherwise the same server:
 * routes, auth, realtime, Redis, and SIGTERM ending with app.terminate().
 */
process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { APP_ROOT } from '../../runtime/prepare.js'
import { createHttpServer } from '../../runtime/http_server.js'

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, new URL(APP_ROOT, 'file://')).href)
  }
  return import(filePath)
}

try {
  const app = new Ignitor(new URL(APP_ROOT, 'file://'), { importer: IMPORTER }).createApp('test')
  app.booting(async () => {
    await import('#start/env')
  })
  await app.init()
  await app.boot()
  await app.start(() => {})

  const testUtils = await app.container.make('testUtils')
  /* the server bin/server.ts makes: it tracks its connections for a graceful shutdown */
  const close = await testUtils.httpServer().start(createHttpServer)
  /* registered after the preloads, like bin/server.ts: start/shutdown.ts drains first (and has
     closed the listener, so close() only waits for the last connections) */
  app.terminating(() => close().catch(() => {}))
  app.listen('SIGTERM', () => app.terminate())
  /* the web server sends webhooks (start/webhooks.ts); an instance of the tests when asked */
  if (process.env.START_WEBHOOK_SENDER === 'true') {
    const { webhookSender } = await import('#services/webhook_delivery')
    webhookSender.start()
    app.terminating(() => webhookSender.stop())
  }
  console.log(`API instance listening on ${process.env.HOST}:${process.env.PORT}`)
} catch (error) {
  prettyPrintError(error)
  process.exit(1)
}
