/**
 * The MCP server at /mcp (Streamable HTTP, stateless: any instance answers
 * any request, nothing is kept between them). One agent per request, with
 * its own bearer token. Each tool call is the REST operation the tool names,
 * made in-process with the same token (light-my-request into this server),
 * so the answer, the refusal and what is written are exactly the REST API's:
 * a paused agent's write gets the 423 of the pause rule as a tool error, an
 * agent without the ability gets the 403 that names it, and nothing is
 * written. See docs/MCP.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { inject } from 'light-my-request'
import server from '@adonisjs/core/services/server'
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js'
import type { HttpContext } from '@adonisjs/core/http'
import type Agent from '#models/agent'
import { can } from '#policies/app_policy'
import pluginHost from '#plugin_host/running'
import { inputSchema, type McpContribution, type McpResourceSpec, type McpToolSpec } from '#mcp/kit'
import type { JsonSchema } from '#openapi/kit'
import { markInProcessRequest } from '#services/agent_rate_limits'

export const MCP_SERVER_NAME = 'mission-control'

let catalog: Promise<{ tools: McpToolSpec[]; resources: McpResourceSpec[] }> | undefined

/** The host's tools, then each enabled plugin's, in plugin order: loaded once. */
export function mcpCatalog() {
  catalog ??= (async () => {
    const { default: host } = await import('#mcp/host_tools')
    const contributions: McpContribution[] = [host]
    for (const { load } of pluginHost.mcpSources()) contributions.push((await load()).default)
    const tools = contributions.flatMap((contribution) => contribution.tools ?? [])
    const resources = contributions.flatMap((contribution) => contribution.resources ?? [])
    const names = new Set<string>()
    for (const tool of tools) {
      if (names.has(tool.name)) throw new Error(`Two MCP tools are named "${tool.name}"`)
      names.add(tool.name)
    }
    return { tools, resources }
  })()
  return catalog
}

/** The tool's input schema for this agent (its event types, say). */
export function schemaFor(tool: McpToolSpec, agent: Agent): JsonSchema {
  const schema = inputSchema(tool)
  return tool.tailor ? tool.tailor(schema, agent) : schema
}

interface ApiAnswer {
  status: number
  body: unknown
  total: number | null
}

/**
 * A REST call into this server, as the agent, from the agent's own address.
 * The MCP request counted against the agent's rate limits; this call counts
 * only as a write, when it is one (services/agent_rate_limits.ts).
 */
async function callApi(
  ctx: HttpContext,
  method: string,
  path: string,
  options: { query?: Record<string, unknown>; body?: Record<string, unknown> } = {}
): Promise<ApiAnswer> {
  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    markInProcessRequest(req)
    void server.handle(req, res)
  }
  const response = await inject(dispatch, {
    method: method as 'GET',
    url: { pathname: path, query: options.query as Record<string, string> },
    headers: {
      'authorization': ctx.request.header('authorization')!,
      'accept': 'application/json',
      'x-request-id': ctx.request.id() ?? '',
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    payload: options.body ? JSON.stringify(options.body) : undefined,
    remoteAddress: ctx.request.ip(),
  })
  let body: unknown = null
  if (response.payload) {
    try {
      body = JSON.parse(response.payload)
    } catch {
      body = response.payload
    }
  }
  const total = response.headers['x-total-count']
  return { status: response.statusCode, body, total: total === undefined ? null : Number(total) }
}

/** Fills `{name}` in the path from the input (each a path segment, encoded). */
function fillPath(path: string, input: Record<string, unknown>, used: Set<string>) {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    used.add(name)
    const value = input[name]
    if (typeof value !== 'string' || value === '') {
      throw new McpError(ErrorCode.InvalidParams, `"${name}" is required`)
    }
    return encodeURIComponent(value)
  })
}

/** What the model reads: the answer as JSON, or the refusal in the API's words. */
function toolResult(answer: ApiAnswer): CallToolResult {
  if (answer.status >= 200 && answer.status < 300) {
    if (answer.status === 204) return { content: [{ type: 'text', text: 'Done.' }] }
    const structured = Array.isArray(answer.body)
      ? { items: answer.body, total: answer.total ?? answer.body.length }
      : (answer.body as Record<string, unknown>)
    return {
      content: [{ type: 'text', text: JSON.stringify(structured, null, 2) }],
      structuredContent: structured,
    }
  }
  const errors =
    (answer.body as { errors?: { message: string; code?: string; field?: string }[] } | null)
      ?.errors ?? []
  const lines = errors.length
    ? errors.map(
        (error) =>
          `${error.message}${error.code ? ` (${error.code}` : ''}${error.field ? `, field ${error.field}` : ''}${error.code ? ')' : ''}`
      )
    : [`The request failed with status ${answer.status}`]
  return {
    isError: true,
    content: [{ type: 'text', text: `Refused (${answer.status}): ${lines.join('; ')}` }],
    structuredContent: { status: answer.status, errors },
  }
}

async function callTool(ctx: HttpContext, agent: Agent, tool: McpToolSpec, args: unknown) {
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) {
    throw new McpError(ErrorCode.InvalidParams, 'The arguments must be an object')
  }
  const input = { ...((args as Record<string, unknown>) ?? {}) }
  const used = new Set<string>()
  const path = fillPath(tool.request.path, input, used)
  const rest = Object.fromEntries(
    Object.entries({ ...input, ...(tool.fixed?.(agent, input) ?? {}) }).filter(
      ([name]) => !used.has(name) && !(name === 'mine' && tool.fixed)
    )
  )
  const answer =
    tool.request.method === 'GET'
      ? await callApi(ctx, 'GET', path, { query: rest })
      : await callApi(ctx, tool.request.method, path, { body: rest })
  return toolResult(answer)
}

/* `mission-control://drafts/{id}` → a pattern matching such URIs, with the names of its parts */
function uriPattern(uri: string) {
  const names: string[] = []
  const source = uri
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = part.match(/^\{(\w+)\}$/)?.[1]
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(name)
      return '([^/]+)'
    })
    .join('')
  return { regex: new RegExp(`^${source}$`), names }
}

async function readResource(ctx: HttpContext, resources: McpResourceSpec[], uri: string) {
  for (const resource of resources) {
    const { regex, names } = uriPattern(resource.uri)
    const match = uri.match(regex)
    if (!match) continue
    const values = Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(match[i + 1])])
    )
    const path = resource.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(values[name])
    )
    const answer = await callApi(ctx, 'GET', path, { query: resource.query })
    if (answer.status === 404) {
      throw new McpError(-32002, `Resource not found: ${uri}`)
    }
    if (answer.status >= 400) {
      const [error] = (answer.body as { errors?: { message: string }[] } | null)?.errors ?? []
      throw new McpError(ErrorCode.InvalidRequest, error?.message ?? `Refused (${answer.status})`)
    }
    const body = Array.isArray(answer.body)
      ? { items: answer.body, total: answer.total ?? answer.body.length }
      : answer.body
    return {
      contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(body, null, 2) }],
    }
  }
  throw new McpError(-32002, `Resource not found: ${uri}`)
}

/** The MCP server one agent talks to during one HTTP request. */
async function serverFor(ctx: HttpContext, agent: Agent) {
  const { tools, resources } = await mcpCatalog()
  const mcp = new Server(
    { name: MCP_SERVER_NAME, version: '1.0.0' },
    {
      capabilities: { tools: {}, resources: {} },
      instructions:
        'Mission Control: the shared board and the records a team of people and agents work on, under their supervision. Call get_controls first: while you are paused every write is refused (the error says why). What you submit for approval is decided by a person; nothing is ever sent. Read the feedback on your work before revising it.',
    }
  )
  // an agent sees the tools it may use; a call to another still gets the API's refusal
  const usable = (access: string) => can(agent, access)

  mcp.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: tools
      .filter((tool) => usable(tool.access))
      .map((tool) => ({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        inputSchema: schemaFor(tool, agent) as { type: 'object' },
        annotations: {
          title: tool.title,
          readOnlyHint: tool.readOnly === true,
          destructiveHint: tool.destructive === true,
          openWorldHint: false,
        },
      })),
  }))
  mcp.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = tools.find((candidate) => candidate.name === request.params.name)
    if (!tool) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`)
    }
    return callTool(ctx, agent, tool, request.params.arguments)
  })
  const readable = resources.filter((resource) => usable(resource.access))
  mcp.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: readable
      .filter((resource) => !resource.uri.includes('{'))
      .map(({ uri, name, title, description }) => ({
        uri,
        name,
        title,
        description,
        mimeType: 'application/json',
      })),
  }))
  mcp.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: readable
      .filter((resource) => resource.uri.includes('{'))
      .map(({ uri, name, title, description }) => ({
        uriTemplate: uri,
        name,
        title,
        description,
        mimeType: 'application/json',
      })),
  }))
  mcp.setRequestHandler(ReadResourceRequestSchema, async (request) =>
    readResource(ctx, readable, request.params.uri)
  )
  return mcp
}

/** One HTTP request of the Streamable HTTP transport, answered in JSON. */
export async function handleMcpRequest(ctx: HttpContext, agent: Agent) {
  const parsedBody = ctx.request.method() === 'POST' ? parseBody(ctx) : undefined
  // One message per request: a batch would run up to a hundred tool calls as
  // one counted request (rate limits), and MCP 2025-06-18 dropped batching.
  if (Array.isArray(parsedBody)) {
    ctx.response.status(400)
    return {
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32600,
        message: 'Batches are not accepted: send one JSON-RPC message per request',
      },
    }
  }
  const mcp = await serverFor(ctx, agent)
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  })
  await mcp.connect(transport)
  try {
    const headers = new Headers()
    for (const [name, value] of Object.entries(ctx.request.headers())) {
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) headers.set(name, value.join(', '))
    }
    const method = ctx.request.method()
    const request = new Request(new URL(ctx.request.url(), 'http://mcp.local'), {
      method,
      headers,
    })
    const response = await transport.handleRequest(request, { parsedBody })
    ctx.response.status(response.status)
    response.headers.forEach((value, name) => {
      if (name !== 'content-length') ctx.response.header(name, value)
    })
    const text = await response.text()
    return text
  } finally {
    await mcp.close()
  }
}

/** The JSON-RPC message(s) as sent: the raw body (the body parser reshapes top-level arrays). */
function parseBody(ctx: HttpContext) {
  const raw = ctx.request.raw()
  if (raw) {
    try {
      return JSON.parse(raw)
    } catch {
      return raw
    }
  }
  return ctx.request.body()
}
