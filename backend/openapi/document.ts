/**
 * Assembles the OpenAPI 3.1 document from the host's contribution and those
 * of the enabled plugins, with the parts every operation shares: security
 * schemes, the error shape and its answers, the list parameters.
 */
import { MAX_PAGE_SIZE } from '#services/list_query'
import {
  buildOperation,
  type HttpMethod,
  type JsonSchema,
  type OpenApiContribution,
} from '#openapi/kit'

export type OpenApiDocument = Record<string, any> & {
  openapi: string
  paths: Record<string, Record<string, any>>
  components: Record<string, any>
}

export interface NamedContribution {
  /** `host`, or the plugin's name: named in error messages when two contributions collide. */
  source: string
  contribution: OpenApiContribution
}

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete']

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Every error answer. One entry per problem (per invalid field for 422).',
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          message: { type: 'string', description: 'For a person to read.' },
          field: { type: 'string', description: 'The field or parameter at fault.' },
          rule: { type: 'string', description: 'The validation rule that failed (422).' },
          code: { type: 'string', description: 'Machine-readable: `E_...`.', pattern: '^E_' },
        },
        required: ['message'],
        additionalProperties: true,
      },
    },
  },
  required: ['errors'],
}

function errorExample(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, ...extra, code }] }
}

function errorResponse(description: string, example: unknown, headers?: Record<string, unknown>) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/Error' }, example },
    },
  }
}

const RESPONSES = {
  BadRequest: errorResponse(
    'Malformed request: the body is not valid JSON (`E_MALFORMED_JSON`), or a query parameter has a malformed shape such as `a[b]=1` (`E_BAD_QUERY`).',
    errorExample('The body is not valid JSON', 'E_MALFORMED_JSON')
  ),
  Unauthorized: errorResponse(
    'Not authenticated: no or bad credentials (`E_UNAUTHORIZED`), a deactivated account (`E_ACCOUNT_DISABLED`).',
    errorExample('Authentication required', 'E_UNAUTHORIZED')
  ),
  Forbidden: errorResponse(
    'The role does not allow this (`E_FORBIDDEN`), or a cookie-authenticated write without a valid `X-XSRF-TOKEN` (`E_BAD_CSRF_TOKEN`).',
    errorExample('Your role does not allow this action', 'E_FORBIDDEN')
  ),
  NotFound: errorResponse(
    'No record with this id (`E_NOT_FOUND`). An id of the wrong shape answers 404 too.',
    errorExample('Record not found', 'E_NOT_FOUND')
  ),
  Conflict: errorResponse(
    'Conflict with the current state: an invalid state change or a stale version (`E_CONFLICT`), a unique value taken (`E_DUPLICATE`), a record still referenced (`E_REFERENCE`).',
    errorExample('This change conflicts with the current state', 'E_CONFLICT')
  ),
  RequestTimeout: errorResponse(
    'A streamed upload stopped sending (`E_UPLOAD_STALLED`): nothing is written, and the connection closes.',
    errorExample(
      'The upload stalled: nothing arrived for 60 s, nothing was imported',
      'E_UPLOAD_STALLED'
    )
  ),
  Gone: errorResponse(
    'What was asked for existed and was removed for good, by a retention rule (`E_REJECTED_ROWS_REMOVED`).',
    errorExample(
      'The rejected rows of this import were removed on 2026-12-01, 30 days after it finished (its counts are kept)',
      'E_REJECTED_ROWS_REMOVED'
    )
  ),
  PayloadTooLarge: errorResponse(
    'The body is over 1 MB (`E_BODY_TOO_LARGE`).',
    errorExample('The body is larger than 1 MB', 'E_BODY_TOO_LARGE')
  ),
  ValidationFailed: errorResponse(
    'Validation failed: one entry per invalid field, with `field` and `rule` (`E_VALIDATION_ERROR`); for a list, an unknown filter or sort field or a page over 1000 rows (`E_INVALID_QUERY`).',
    errorExample('The title field must have at least 1 characters', 'E_VALIDATION_ERROR', {
      field: 'title',
      rule: 'minLength',
    })
  ),
  AgentPaused: errorResponse(
    'The calling agent is paused or killed, or every agent is (global pause): nothing was written (`E_AGENT_PAUSED`). Wait for the `resume` control message on `agents/<id>`, or poll `GET /api/agents/me`.',
    errorExample(
      'All agents are paused by an admin: writes are refused until resumed',
      'E_AGENT_PAUSED'
    )
  ),
  TooManyRequests: errorResponse(
    'Rate limited: an agent over its requests or writes per minute (`E_RATE_LIMITED`; the item names the `limit` and `retry_after`), too many failed logins (`E_TOO_MANY_REQUESTS`), or too many CSV exports running (`E_TOO_MANY_EXPORTS`). Nothing was written; `Retry-After` says when to try again.',
    errorExample(
      'Rate limit reached: at most 300 writes per minute (the default for every agent); try again in 12 s',
      'E_RATE_LIMITED',
      { limit: 'writes_per_minute', retry_after: 12 }
    ),
    {
      'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
      'X-RateLimit-Limit': {
        description: 'An agent’s limit that was reached (per minute).',
        schema: { type: 'integer' },
      },
      'X-RateLimit-Remaining': {
        description: 'What is left of it: 0.',
        schema: { type: 'integer' },
      },
    }
  ),
  Unavailable: errorResponse(
    'A dependency is down: the database is unreachable, frozen, overloaded or restarting (`E_UNAVAILABLE`), answered within the database timeouts instead of waiting for it. Nothing was written. `Retry-After` says when to try again; retry with backoff.',
    errorExample('The database is unavailable: try again in a few seconds', 'E_UNAVAILABLE'),
    {
      'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
    }
  ),
}

const SECURITY_SCHEMES = {
  userToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'mcu_…',
    description:
      'Personal access token of a person (`mcu_…`), made with `POST /api/auth/tokens`; expires after 90 days. A bearer request needs no CSRF token; a session cookie sent alongside is ignored.',
  },
  agentToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'mca_…',
    description:
      "Agent token (`mca_…`), minted by an admin (`POST /api/agents/{id}/tokens` or `node ace agent:token <agent name>`). Its abilities are those of the agent's type.",
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'mc_session',
    description: 'HttpOnly session cookie set by `POST /api/auth/login` (the admin app).',
  },
  xsrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-XSRF-TOKEN',
    description:
      'With the session cookie, every write (POST, PUT, PATCH, DELETE) carries the value of the `XSRF-TOKEN` cookie in this header.',
  },
}

const PARAMETERS = {
  _start: {
    name: '_start',
    in: 'query',
    description: 'First row of the page (inclusive, 0-based). Default 0.',
    schema: { type: 'integer', minimum: 0, default: 0 },
  },
  _end: {
    name: '_end',
    in: 'query',
    description: `End of the page (exclusive). Default \`_start + 10\`; a page over ${MAX_PAGE_SIZE} rows → 422.`,
    schema: { type: 'integer', minimum: 0 },
  },
  _order: {
    name: '_order',
    in: 'query',
    description: 'Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).',
    schema: { type: 'string' },
    example: 'desc',
  },
}

const HEADERS = {
  XTotalCount: {
    description: 'How many rows match the query, over every page.',
    schema: { type: 'integer', minimum: 0 },
  },
}

const DESCRIPTION = `Mission Control supervises AI agents: the board they share with people, their controls, their events and the audit trail; plugins add the records they work on.
Agents and scripts use this API with a bearer token; the admin app with a session cookie.
A readable rendering of this document is at [/api/docs](/api/docs).

- **JSON** in and out, field names in snake_case, times in ISO 8601 UTC, ids are UUIDs (events and audit entries: integers).
- **Lists** speak the \`@refinedev/simple-rest\` dialect: \`_start\`/\`_end\` (default the first 10 rows, at most ${MAX_PAGE_SIZE}), \`_sort\`/\`_order\`, filters \`field=value\` (repeat for any of), \`field_ne\`, \`field_gte\`, \`field_lte\`, \`field_like\`, and \`q\`. An empty value means no filter; an unknown field → 422. The body is a bare array; \`x-total-count\` holds the number of matching rows.
- **Errors** always have the shape \`{"errors":[{"message","field?","rule?","code?"}]}\`. A rejected request writes nothing.
- **Agents** that are paused, killed, or under the global pause get **423** on every write but the heartbeat; they learn about \`resume\` on their realtime channel \`agents/<id>\`.
- **Rate limits**: each agent may make so many requests and writes per minute (see the Rate limits tag); over one it gets **429** \`E_RATE_LIMITED\` with \`Retry-After\`. Its answers carry \`X-RateLimit-Limit\` and \`X-RateLimit-Remaining\`.
- **Realtime**: Server-Sent Events at \`/__transmit/events\` (see the Realtime tag). After every (re)connect, fetch \`GET /api/events?after=<last seq>\`.`

/** The whole document, from the host's and the enabled plugins' contributions. */
export function buildDocument(
  contributions: NamedContribution[],
  info: { version: string }
): OpenApiDocument {
  const tags: { name: string; description?: string }[] = []
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA }
  const schemaOwners = new Map<string, string>([['Error', 'host']])
  const paths: Record<string, Record<string, unknown>> = {}
  const operationOwners = new Map<string, string>()

  for (const { source, contribution } of contributions) {
    for (const tag of contribution.tags ?? []) {
      if (!tags.some((known) => known.name === tag.name)) tags.push(tag)
    }
    for (const [name, schema] of Object.entries(contribution.schemas ?? {})) {
      const owner = schemaOwners.get(name)
      if (owner)
        throw new Error(`OpenAPI schema "${name}" of ${source} is already defined by ${owner}`)
      schemaOwners.set(name, source)
      schemas[name] = schema
    }
    const defaultTag = contribution.tags?.[0]?.name
    for (const [path, item] of Object.entries(contribution.paths)) {
      for (const method of METHODS) {
        const spec = item[method]
        if (!spec) continue
        const key = `${method.toUpperCase()} ${path}`
        const owner = operationOwners.get(key)
        if (owner)
          throw new Error(`OpenAPI operation ${key} of ${source} is already described by ${owner}`)
        operationOwners.set(key, source)
        paths[path] ??= {}
        paths[path][method] = {
          ...buildOperation(method, path, spec, defaultTag),
          ...(source === 'host' ? {} : { 'x-plugin': source }),
        }
      }
    }
  }

  const ids = new Map<string, string>()
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const id = (operation as any).operationId
      const where = `${method.toUpperCase()} ${path}`
      if (ids.has(id)) throw new Error(`operationId "${id}" is used by ${ids.get(id)} and ${where}`)
      ids.set(id, where)
    }
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Mission Control API',
      version: info.version,
      summary: 'REST API for agents, scripts and the admin app.',
      description: DESCRIPTION,
      license: { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags,
    paths,
    components: {
      schemas,
      responses: RESPONSES,
      parameters: PARAMETERS,
      headers: HEADERS,
      securitySchemes: SECURITY_SCHEMES,
    },
  }
}
