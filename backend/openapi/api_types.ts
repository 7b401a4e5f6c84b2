/**
 * The API's TypeScript types, generated from its OpenAPI document by
 * openapi-typescript: `components['schemas']['Task']`, the bodies and answers
 * of each path. The admin, the plugins' screens and the agent client alias
 * them instead of restating records.
 *
 * The document is built with every plugin under plugins/ (enabled here or
 * not), so one checked-in file serves every install; it lives in client/
 * because it names plugins and the host must not. `npm run types:generate`
 * writes it; a unit test fails when it no longer matches the document.
 */
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import openapiTS, { astToString } from 'openapi-typescript'
import * as prettier from 'prettier'
import { discoverPlugins } from '#plugin_host/discovery'
import { PluginHost } from '#plugin_host/host'
import { TaskLinks } from '#plugin_host/task_links'
import { createRoleTable } from '#policies/permissions'
import { buildOpenApiDocument } from '#openapi/main'
import type { OpenApiDocument } from '#openapi/document'

/** Where the generated types are checked in, from the app root. */
export const API_TYPES_FILE = 'client/api_types.ts'

export const REGENERATE = 'npm run types:generate'

const HEADER = `/**
 * The API's types, generated from its OpenAPI document (GET /api/openapi.json)
 * with every plugin, by openapi-typescript. Do not edit: run \`${REGENERATE}\`.
 * Alias what you need: \`type Task = components['schemas']['Task']\`.
 */

`

/**
 * The document with every plugin in the plugins folder registered (none
 * booted). The host's own routes read the running app's role table and task
 * links, so the app must run with every plugin too (PLUGINS unset).
 */
export async function everyPluginDocument(): Promise<OpenApiDocument> {
  const every = await discoverPlugins()
  const running = await app.container.make('plugin.host')
  const missing = every.filter(
    (plugin) => !running.plugins.some((p) => p.definition.name === plugin.definition.name)
  )
  if (missing.length) {
    throw new Error(
      `The API types describe every plugin: run with all of them enabled (PLUGINS unset); ${missing.map((p) => p.definition.name).join(', ')} missing`
    )
  }
  // its own tables: describing the plugins changes nothing the running app enforces
  const host = new PluginHost(app, { roleTable: createRoleTable(), taskLinks: new TaskLinks() })
  await host.register(every)
  return buildOpenApiDocument(host)
}

/** The source of client/api_types.ts for a document, formatted as the repository is. */
export async function renderApiTypes(doc: OpenApiDocument): Promise<string> {
  /* as JSON: openapi-typescript bundles the document in place */
  const ast = await openapiTS(JSON.stringify(doc), {
    /* `{ type: 'object' }` (a payload, metadata) is any object, not an empty one */
    emptyObjectsUnknown: true,
    silent: true,
  })
  const file = app.makePath(API_TYPES_FILE)
  const options = await prettier.resolveConfig(file)
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: file })
}

/** What client/api_types.ts must hold. */
export async function apiTypesSource(): Promise<string> {
  return renderApiTypes(await everyPluginDocument())
}

/** The checked-in file, or null when there is none. */
export async function checkedInApiTypes(): Promise<string | null> {
  return readFile(app.makePath(API_TYPES_FILE), 'utf8').catch(() => null)
}
