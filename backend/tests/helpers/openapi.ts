/**
 * Checks real answers against the OpenAPI document: the status must be one
 * the operation documents, and a JSON body must match its schema.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import router from '@adonisjs/core/services/router'
import type { OpenApiDocument } from '#openapi/document'

const addFormats: (ajv: Ajv2020) => void = (addFormatsModule as any).default ?? addFormatsModule

const DOC_ID = 'https://mission-control.test/openapi.json'
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Ajv with the document's components loaded, so `#/components/...` references resolve. */
export function schemaValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: DOC_ID, components: doc.components })
  const cache = new Map<string, ValidateFunction>()
  return (schema: unknown): ValidateFunction => {
    const text = JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`)
    let validate = cache.get(text)
    if (!validate) {
      validate = ajv.compile(JSON.parse(text))
      cache.set(text, validate)
    }
    return validate
  }
}

/** `METHOD /path/{param}` of every operation the document describes. */
export function documentedOperations(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`)
  )
}

/** `METHOD /path/{param}` of every API route the server has (host, plugins, realtime). */
export function registeredOperations(): string[] {
  const routes = Object.values(router.toJSON()).flat()
  return routes
    .filter(
      (route) => route.pattern.startsWith('/api/') || route.pattern.startsWith('/__transmit/')
    )
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map((method) => `${method} ${route.pattern.replace(/:([A-Za-z0-9_]+)\??/g, '{$1}')}`)
    )
}

export function responseChecker(doc: OpenApiDocument) {
  const validator = schemaValidator(doc)
  const resolve = (value: any): any => {
    while (value?.$ref) {
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(value.$ref)!
      value = doc.components[section][name]
    }
    return value
  }
  /* literal paths first: `/api/drafts/bulk-decisions` is not `/api/drafts/{id}` */
  const templates = Object.keys(doc.paths)
    .map((path) => ({
      path,
      params: path.split('{').length - 1,
      regex: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params)

  /** Problems with this answer (empty when it matches the document). */
  return (method: string, url: string, status: number, body: unknown): string[] => {
    const pathname = url.split('?')[0]
    const template = templates.find(({ regex }) => regex.test(pathname))
    const operation = template && doc.paths[template.path][method.toLowerCase()]
    if (!operation) return [`${method} ${pathname} is not documented`]
    const where = `${method} ${template.path} → ${status}`
    const response = operation.responses[String(status)]
    if (!response) {
      return [
        `${where} is not a documented answer (${Object.keys(operation.responses).join(', ')})`,
      ]
    }
    const media = resolve(response).content?.['application/json']
    if (!media?.schema) return []
    const validate = validator(media.schema)
    if (validate(body)) return []
    return (validate.errors ?? []).map(
      (error) =>
        `${where}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`
    )
  }
}
