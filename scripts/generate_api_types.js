/**
 * `npm run types:generate`: writes client/api_types.ts, the API's TypeScript
 * types, from the OpenAPI document built with every plugin under plugins/
 * (backend/openapi/api_types.ts). Run it after changing a route, a validator
 * or a record schema; a unit test fails until you do.
 *
 * The app boots to build the document but connects to nothing: the database
 * and Redis are never reached, so it runs on a bare clone.
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const root = new URL('../', import.meta.url)
process.chdir(fileURLToPath(root))
/* Booting validates the environment; nothing here signs a cookie or opens a connection. */
process.env.APP_KEY ||= 'types-generate-only-key-never-used-000000'
process.env.DATABASE_URL ||= 'postgres://unused@127.0.0.1:1/unused'
/* the document describes every plugin: the running host has them all too (PLUGINS in .env aside) */
process.env.PLUGINS = '*'

await import('ts-node-maintained/register/esm')
const { Ignitor } = await import('@adonisjs/core')

const app = new Ignitor(root, {
  importer: (path) =>
    path.startsWith('./') || path.startsWith('../')
      ? import(new URL(path, root).href)
      : import(path),
})
  .tap((app) =>
    app.booting(async () => {
      await import('#start/env')
    })
  )
  .createApp('console')

try {
  await app.init()
  await app.boot()
  const { API_TYPES_FILE, apiTypesSource, checkedInApiTypes } = await import('#openapi/api_types')
  const source = await apiTypesSource()
  if (source === (await checkedInApiTypes())) {
    console.log(`${API_TYPES_FILE} is up to date`)
  } else {
    await writeFile(app.makePath(API_TYPES_FILE), source)
    console.log(`${API_TYPES_FILE} written`)
  }
} catch (error) {
  process.exitCode = 1
  console.error(error)
} finally {
  await app.terminate()
}
