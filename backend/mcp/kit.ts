/**
 * How the host and the plugins declare MCP tools and resources (docs/MCP.md).
 *
 * A tool is a REST operation offered to an agent through the Model Context
 * Protocol: the host calls that route in-process with the agent's own token,
 * so the validators, the policies, the abilities, the pause rule and the
 * recorder are the REST API's, never restated here. The tool's input schema
 * is generated from the same validator (or list allow-list) the route runs.
 */
import type Agent from '#models/agent'
import { listParameters, schemaOf, type CompiledVineValidator, type JsonSchema } from '#openapi/kit'
import type { ListSpec } from '#services/list_query'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export interface McpToolSpec {
  /** snake_case, unique across the host and the plugins. */
  name: string
  title: string
  /** What the tool does and what it answers, for the model reading the list. */
  description: string
  /** The permission the route needs: the tool is listed only to agents that hold it. */
  access: string
  /** The REST operation: `{name}` in the path is filled from the input's field of that name. */
  request: { method: HttpMethod; path: string }
  /** Path parameters: their descriptions (each a uuid). */
  params?: Record<string, string>
  /** The route's body validator (POST, PATCH): its fields are the tool's input. */
  body?: CompiledVineValidator | (() => CompiledVineValidator)
  /** Only these fields of the body validator (a tool that does one thing with a wider route). */
  pick?: string[]
  /** A list route: its filters, sort, search and paging are the tool's input. */
  list?: ListSpec | (() => ListSpec)
  /** Fields the host adds for the caller (`owner_id` of "my tasks"), after the input. */
  fixed?: (agent: Agent, input: Record<string, unknown>) => Record<string, unknown>
  /** Tailors the generated schema to the calling agent (the event types its type declares). */
  tailor?: (schema: JsonSchema, agent: Agent) => JsonSchema
  /** Reads only (MCP's readOnlyHint). */
  readOnly?: boolean
  /** May remove or overwrite something (MCP's destructiveHint). */
  destructive?: boolean
  /** An input that works, for docs/MCP.md and the tests that check it. */
  example: Record<string, unknown>
}

/** A read-only resource: a fixed URI, or a template such as `mission-control://drafts/{id}`. */
export interface McpResourceSpec {
  name: string
  title: string
  description: string
  access: string
  /** `mission-control://...`; `{id}` makes it a template. */
  uri: string
  /** The REST route whose answer is the resource's content (GET). */
  path: string
  /** Query parameters of that route. */
  query?: Record<string, string | number>
}

export interface McpContribution {
  tools?: McpToolSpec[]
  resources?: McpResourceSpec[]
}

/** Declares a plugin's (or the host's) MCP tools: a module default-exporting this. */
export function defineMcp(contribution: McpContribution): McpContribution {
  return contribution
}

/** The JSON Schema of a tool's input, generated from the route's own validator or list spec. */
export function inputSchema(tool: McpToolSpec): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const [name, description] of Object.entries(tool.params ?? {})) {
    properties[name] = { type: 'string', format: 'uuid', description }
    required.push(name)
  }
  if (tool.body) {
    const schema = schemaOf(typeof tool.body === 'function' ? tool.body() : tool.body)
    for (const [name, property] of Object.entries<JsonSchema>(schema.properties ?? {})) {
      if (tool.pick && !tool.pick.includes(name)) continue
      properties[name] = property
    }
    for (const name of (schema.required ?? []) as string[]) {
      if (name in properties && !required.includes(name)) required.push(name)
    }
  }
  if (tool.list) {
    const spec = typeof tool.list === 'function' ? tool.list() : tool.list
    properties._start = {
      type: 'integer',
      minimum: 0,
      description: 'Skip this many rows (default 0).',
    }
    properties._end = {
      type: 'integer',
      minimum: 1,
      description: 'Up to this row, exclusive: `_end - _start` rows (default 25 from 0).',
    }
    properties._order = { type: 'string', description: '`asc` or `desc` for each `_sort` field.' }
    for (const parameter of listParameters(spec, false)) {
      if (typeof parameter.name !== 'string') continue
      properties[parameter.name] = {
        ...(parameter.schema as JsonSchema),
        ...(parameter.description ? { description: parameter.description } : {}),
      }
    }
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  }
}
