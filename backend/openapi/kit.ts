/**
 * What the host and each plugin write to describe their routes in the
 * OpenAPI document (`GET /api/openapi.json`, rendered at `/api/docs`).
 *
 * A contribution names, for every route, who may call it (an entry of the
 * role table), its body (a VineJS validator: the JSON Schema is generated
 * from it), its list allow-list (the ListSpec the controller runs: the
 * simple-rest parameters and filters are generated from it) and its
 * answer. Security, the error answers of the contract and the list
 * parameters are derived from those, so a route is described in a few
 * lines and the same way everywhere.
 *
 * A test compares the documented paths with the routes the server has:
 * a route without its entry here fails the suite.
 */
import type { FieldType, ListSpec } from '#services/list_query'
import {
  AGENT_IMPLIED_PERMISSIONS,
  roleTable,
  type ActorKind,
  type Permission,
} from '#policies/permissions'
import type { VineValidator } from '@vinejs/vine'

/** A JSON Schema (2020-12 keywords, as OpenAPI 3.1 reads them). */
export type JsonSchema = Record<string, any>

/** A compiled VineJS validator (`vine.create(...)`). */
export type CompiledVineValidator = VineValidator<any, any>

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * Who may call an operation:
 * - a `Permission`: the roles (and `agent`) that hold it in the role table;
 * - `'public'`: anyone, without credentials;
 * - `'signed_in'`: any authenticated user or agent;
 * - `'people'`: any authenticated user, not agents;
 * - `'agents'`: an agent, with its own token.
 */
export type Access = Permission | 'public' | 'signed_in' | 'people' | 'agents'

/** The error statuses of the contract. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 408 | 409 | 410 | 413 | 422 | 423 | 429 | 503

export interface ParameterSpec {
  schema: JsonSchema
  description?: string
  required?: boolean
  example?: unknown
}

export interface BodySpec {
  /** A compiled VineJS validator (preferred: the schema follows the code) or a JSON Schema. */
  schema: CompiledVineValidator | JsonSchema
  /**
   * Merged into the generated properties: examples, what the validator cannot know (a unique
   * column). A description is appended to the one a rule's `toJSONSchema` hook wrote.
   */
  fields?: Record<string, JsonSchema>
  example?: unknown
  description?: string
  /** Whether a body must be sent at all (default: when the schema has required fields). */
  required?: boolean
  /**
   * A body that is not JSON (a CSV file, a multipart form): its media types,
   * in place of `application/json` (`schema` then describes nothing sent).
   */
  mediaTypes?: Record<string, { schema: JsonSchema; example?: unknown }>
  /** `false` for a route that streams its body, whatever its size (no 413). */
  sizeLimit?: boolean
}

export interface ResponseSpec {
  status: 200 | 201 | 202 | 204
  description: string
  /** JSON body; omit for 204. */
  schema?: JsonSchema
  /** Media type of the body (default application/json). */
  contentType?: string
  example?: unknown
  headers?: Record<string, { description: string; schema: JsonSchema }>
}

export interface OperationSpec {
  /** Stable name for generated clients: camelCase verb first (`listLeads`, `createDraft`). */
  operationId: string
  summary: string
  /** Markdown. */
  description?: string
  access: Access
  /**
   * `own`: an agent holding the permission may use it on its own records
   * only (the feedback on a draft it wrote); others' answer 403
   * (`x-agent-scope`).
   */
  agentScope?: 'own'
  /** Default: the first tag of the contribution. */
  tags?: string[]
  /** Path parameters whose schema is not a UUID (`{id}` of events is an integer). */
  path?: Record<string, ParameterSpec>
  query?: Record<string, ParameterSpec>
  /** The list's allow-list: adds `_start`, `_end`, `_sort`, `_order`, `q`, the filters and `x-total-count`. */
  list?: ListSpec
  /** `false` for an export: the list's filters and sort, but every row (no `_start`/`_end`, no count). */
  paging?: boolean
  body?: BodySpec
  response: ResponseSpec
  /**
   * When each error happens, for this operation. The statuses that follow from the
   * rest (401 when not public, 422 with a body, 423 for agent writes, ...) are
   * added anyway; naming one here gives it a specific description.
   */
  errors?: Partial<Record<ErrorStatus, string>>
  /** Writes an agent may still make while paused (the heartbeat). */
  allowedWhilePaused?: boolean
  /** The operation touches no database (so no 503). */
  noDatabase?: boolean
  /** Replaces a derived answer outright (the health check's 503 has its own body). */
  responses?: Record<string, Record<string, unknown>>
}

export interface TagSpec {
  name: string
  description?: string
}

/** What the host, or a plugin's `openapi.ts`, contributes to the document. */
export interface OpenApiContribution {
  tags?: TagSpec[]
  /** Record schemas, referenced with `ref('Name')`. Names are global: prefix them if they could clash. */
  schemas?: Record<string, JsonSchema>
  /** Full paths (`/api/leads/{id}`), OpenAPI style `{param}`. */
  paths: Record<string, Partial<Record<HttpMethod, OperationSpec>>>
}

/** Declares a contribution (typed identity, for editor help). */
export function defineOpenApi(contribution: OpenApiContribution): OpenApiContribution {
  return contribution
}

/* ---------------------------------------------------------------------------
 * Schema shorthands
 * ------------------------------------------------------------------------ */

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
export const listOf = (name: string): JsonSchema => ({ type: 'array', items: ref(name) })
export const uuid = (description?: string): JsonSchema => ({
  type: 'string',
  format: 'uuid',
  ...(description ? { description } : {}),
})
export const dateTime = (description?: string): JsonSchema => ({
  type: 'string',
  format: 'date-time',
  ...(description ? { description } : {}),
})
export const text = (description?: string): JsonSchema => ({
  type: 'string',
  ...(description ? { description } : {}),
})
export const enumOf = (values: readonly string[], description?: string): JsonSchema => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
})

/** `schema` or null. */
export function nullable(schema: JsonSchema): JsonSchema {
  if (schema.$ref) return { anyOf: [schema, { type: 'null' }] }
  const out = { ...schema }
  if (typeof out.type === 'string') out.type = [out.type, 'null']
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null]
  return out
}

/** An object with every listed property required (records always carry every field). */
export function record(
  properties: Record<string, JsonSchema>,
  description?: string,
  options: { optional?: string[] } = {}
): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((key) => !options.optional?.includes(key)),
  }
}

/* ---------------------------------------------------------------------------
 * Turning a spec into an OpenAPI operation
 * ------------------------------------------------------------------------ */

const EVERYONE: ActorKind[] = ['admin', 'operator', 'closer', 'viewer', 'agent'] as ActorKind[]
const PEOPLE = EVERYONE.filter((kind) => kind !== 'agent')

/** The actor kinds an access rule lets in (empty for public). */
export function actorKinds(access: Access): ActorKind[] {
  switch (access) {
    case 'public':
      return []
    case 'signed_in':
      return EVERYONE
    case 'people':
      return PEOPLE
    case 'agents':
      return ['agent']
    default:
      return [...roleTable.rolesOf(access)]
  }
}

/** Named components the derived answers refer to (defined in document.ts). */
export const ERROR_RESPONSES: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'RequestTimeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'PayloadTooLarge',
  422: 'ValidationFailed',
  423: 'AgentPaused',
  429: 'TooManyRequests',
  503: 'Unavailable',
}

/**
 * What a compiled validator accepts, as VineJS describes it: every built-in
 * rule, and our own rules through their `toJSONSchema` hook (`vine.createRule`).
 * A copy: VineJS caches the object it returns.
 */
export function schemaOf(validator: CompiledVineValidator): JsonSchema {
  return structuredClone(validator.toJSONSchema())
}

function isVine(schema: unknown): schema is CompiledVineValidator {
  return (
    typeof schema === 'object' &&
    schema !== null &&
    'validate' in schema &&
    typeof (schema as CompiledVineValidator).toJSONSchema === 'function'
  )
}

function bodySchema(body: BodySpec): JsonSchema {
  const schema = isVine(body.schema) ? schemaOf(body.schema) : { ...body.schema }
  if (body.fields) {
    schema.properties = { ...schema.properties }
    for (const [key, extra] of Object.entries(body.fields)) {
      const generated = schema.properties[key] ?? {}
      /* a description here adds to the one a rule wrote (what it checks) */
      const description = [generated.description, extra.description].filter(Boolean).join(' ')
      schema.properties[key] = {
        ...generated,
        ...extra,
        ...(description ? { description } : {}),
      }
    }
  }
  return schema
}

function fieldSchema(type: FieldType): JsonSchema {
  if (typeof type === 'object') return enumOf(type.enum)
  switch (type) {
    case 'uuid':
      return { type: 'string', format: 'uuid' }
    case 'integer':
      return { type: 'integer' }
    case 'number':
      return { type: 'number' }
    case 'boolean':
      return { type: 'boolean' }
    case 'datetime':
      return { type: 'string', format: 'date-time' }
    default:
      return { type: 'string' }
  }
}

/** The simple-rest parameters of a list, from the allow-list its controller runs. */
export function listParameters(spec: ListSpec, paging = true): Record<string, unknown>[] {
  const sortable = spec.sortable.join(', ')
  const defaultSort = (spec.defaultSort ?? []).map(([field, order]) => `${field} ${order}`)
  const params: Record<string, unknown>[] = [
    ...(paging
      ? [{ $ref: '#/components/parameters/_start' }, { $ref: '#/components/parameters/_end' }]
      : []),
    {
      name: '_sort',
      in: 'query',
      description:
        `Comma-separated fields to sort by, from: ${sortable}.` +
        (defaultSort.length ? ` Default: ${defaultSort.join(', ')}.` : '') +
        ' Another field → 422.',
      schema: { type: 'string' },
      example: spec.sortable[0],
    },
    { $ref: '#/components/parameters/_order' },
  ]
  if (spec.search?.length) {
    params.push({
      name: 'q',
      in: 'query',
      description: `Free text: case-insensitive contains over ${spec.search.join(', ')}.`,
      schema: { type: 'string' },
    })
  }
  for (const [field, type] of Object.entries(spec.filters)) {
    const schema = fieldSchema(type)
    params.push({
      name: field,
      in: 'query',
      description: `Equals (repeat the key for any of several values).`,
      schema: { type: 'array', items: schema },
      style: 'form',
      explode: true,
    })
    params.push({
      name: `${field}_ne`,
      in: 'query',
      description: `Differs from (rows without a value match too).`,
      schema: { type: 'array', items: schema },
      style: 'form',
      explode: true,
    })
    const ordered =
      typeof type === 'object' || ['datetime', 'integer', 'number'].includes(type as string)
    if (ordered) {
      const inclusive = type === 'datetime' ? ' (to the millisecond)' : ''
      params.push({
        name: `${field}_gte`,
        in: 'query',
        description: 'At least (inclusive).',
        schema,
      })
      params.push({
        name: `${field}_lte`,
        in: 'query',
        description: `At most (inclusive${inclusive}).`,
        schema,
      })
    }
    if (type === 'text') {
      params.push({
        name: `${field}_like`,
        in: 'query',
        description: 'Contains, case-insensitive.',
        schema: { type: 'string' },
      })
    }
  }
  return params
}

function security(kinds: ActorKind[], mutation: boolean) {
  if (kinds.length === 0) return []
  const requirements: Record<string, string[]>[] = []
  if (kinds.some((kind) => kind !== 'agent')) {
    requirements.push({ userToken: [] })
    requirements.push(mutation ? { session: [], xsrfToken: [] } : { session: [] })
  }
  if (kinds.includes('agent')) requirements.push({ agentToken: [] })
  return requirements
}

function describeAccess(access: Access, kinds: ActorKind[]) {
  if (access === 'public') return 'Public: no credentials needed.'
  const who = kinds.length === EVERYONE.length ? 'every role and agents' : kinds.join(', ')
  const isPermission = roleTable.has(access)
  const permission = isPermission ? ` (permission \`${access}\`)` : ''
  /* an ability that includes this one grants it too (`leads.write` includes `leads.import`) */
  const granting = isPermission
    ? roleTable
        .all()
        .filter((entry) => entry.includes?.includes(access as Permission))
        .map((entry) => ` or \`${entry.name}\``)
        .join('')
    : ''
  const agents =
    isPermission && kinds.includes('agent') && !AGENT_IMPLIED_PERMISSIONS.has(access as Permission)
      ? ` Agents only when their type declares the ability \`${access}\`${granting}.`
      : ''
  return `**Who:** ${who}${permission}.${agents}`
}

/** The OpenAPI operation object for one route. */
export function buildOperation(
  method: HttpMethod,
  path: string,
  spec: OperationSpec,
  defaultTag?: string
): Record<string, unknown> {
  const mutation = method !== 'get'
  const kinds = actorKinds(spec.access)
  const errors = new Map<ErrorStatus, string | undefined>()
  const add = (status: ErrorStatus) => errors.set(status, spec.errors?.[status])

  const parameters: Record<string, unknown>[] = []
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const custom = spec.path?.[name]
    parameters.push({
      name,
      in: 'path',
      required: true,
      description: custom?.description ?? 'The record id.',
      schema: custom?.schema ?? { type: 'string', format: 'uuid' },
      ...(custom?.example !== undefined ? { example: custom.example } : {}),
    })
  }
  if (spec.list) parameters.push(...listParameters(spec.list, spec.paging !== false))
  for (const [name, param] of Object.entries(spec.query ?? {})) {
    parameters.push({
      name,
      in: 'query',
      ...(param.required ? { required: true } : {}),
      ...(param.description ? { description: param.description } : {}),
      schema: param.schema,
      ...(param.example !== undefined ? { example: param.example } : {}),
    })
  }

  if (spec.access !== 'public') add(401)
  if (kinds.length && (kinds.length < EVERYONE.length || mutation)) add(403)
  if (parameters.some((param) => (param as any).in === 'path')) add(404)
  if (spec.body) {
    add(400)
    if (spec.body.sizeLimit !== false) add(413)
    add(422)
  }
  if (spec.list || spec.query) [400, 422].forEach((status) => add(status as ErrorStatus))
  if (mutation && kinds.includes('agent') && !spec.allowedWhilePaused) add(423)
  /* every agent request counts against its rate limits (services/agent_rate_limits.ts) */
  if (kinds.includes('agent')) add(429)
  if (!spec.noDatabase) add(503)
  for (const status of Object.keys(spec.errors ?? {})) add(Number(status) as ErrorStatus)

  const operation: Record<string, unknown> = {
    'operationId': spec.operationId,
    'summary': spec.summary,
    'description': [describeAccess(spec.access, kinds), spec.description]
      .filter(Boolean)
      .join('\n\n'),
    'tags': spec.tags ?? (defaultTag ? [defaultTag] : []),
    'x-roles': kinds,
    'security': security(kinds, mutation),
  }
  /* the ability an agent's type must declare for this route (reading is implied) */
  if (roleTable.has(spec.access)) {
    operation['x-permission'] = spec.access
  }
  if (spec.agentScope) operation['x-agent-scope'] = spec.agentScope
  /* the route reads its body as a stream, whatever its size: no 413 */
  if (spec.body?.sizeLimit === false) operation['x-streamed-body'] = true
  if (parameters.length) operation.parameters = parameters

  if (spec.body?.mediaTypes) {
    operation.requestBody = {
      required: spec.body.required ?? true,
      ...(spec.body.description ? { description: spec.body.description } : {}),
      content: Object.fromEntries(
        Object.entries(spec.body.mediaTypes).map(([type, media]) => [
          type,
          {
            schema: media.schema,
            ...(media.example !== undefined ? { example: media.example } : {}),
          },
        ])
      ),
    }
  } else if (spec.body) {
    const schema = bodySchema(spec.body)
    operation.requestBody = {
      required: spec.body.required ?? (schema.required?.length ?? 0) > 0,
      ...(spec.body.description ? { description: spec.body.description } : {}),
      content: {
        'application/json': {
          schema,
          ...(spec.body.example !== undefined ? { example: spec.body.example } : {}),
        },
      },
    }
  }

  const success = spec.response
  const headers: Record<string, unknown> = {}
  if (spec.list && spec.paging !== false) {
    headers['x-total-count'] = { $ref: '#/components/headers/XTotalCount' }
  }
  for (const [name, header] of Object.entries(success.headers ?? {})) headers[name] = header
  const responses: Record<string, unknown> = {
    [success.status]: {
      description: success.description,
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(success.schema
        ? {
            content: {
              [success.contentType ?? 'application/json']: {
                schema: success.schema,
                ...(success.example !== undefined ? { example: success.example } : {}),
              },
            },
          }
        : {}),
    },
  }
  for (const status of [...errors.keys()].sort()) {
    const when = errors.get(status)
    responses[status] = {
      $ref: `#/components/responses/${ERROR_RESPONSES[status]}`,
      ...(when ? { description: when } : {}),
    }
  }
  Object.assign(responses, spec.responses ?? {})
  operation.responses = responses
  return operation
}
