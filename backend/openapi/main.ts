/**
 * The OpenAPI document of this process: the host's contribution and those
 * of the enabled plugins (their `openapi` field in plugin.ts), built once.
 * `buildOpenApiDocument` builds it for another set of plugins (every one,
 * for the generated client types: backend/openapi/api_types.ts).
 */
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import pluginHost from '#plugin_host/running'
import { PluginError } from '#plugin_host/plugin_error'
import { buildDocument, type NamedContribution, type OpenApiDocument } from '#openapi/document'
import { agentTypeViews, describeAgentTypes, type AgentTypeView } from '#services/agent_types'
import type { PluginHost } from '#plugin_host/host'

let built: Promise<OpenApiDocument> | undefined

function version(): string {
  try {
    return JSON.parse(readFileSync(app.makePath('package.json'), 'utf8')).version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

async function contributions(plugins: PluginHost): Promise<NamedContribution[]> {
  const { default: host } = await import('#openapi/host')
  const { default: webhooks } = await import('#openapi/webhooks')
  const { default: notifications } = await import('#openapi/notifications')
  const { default: rateLimits } = await import('#openapi/rate_limits')
  const { default: budgets } = await import('#openapi/budgets')
  const { default: savedViews } = await import('#openapi/saved_views')
  const { default: summary } = await import('#openapi/summary')
  const list: NamedContribution[] = [
    { source: 'host', contribution: host },
    { source: 'host', contribution: webhooks },
    { source: 'host', contribution: notifications },
    { source: 'host', contribution: rateLimits },
    { source: 'host', contribution: budgets },
    { source: 'host', contribution: savedViews },
    { source: 'host', contribution: summary },
  ]
  for (const { plugin, load } of plugins.openApiSources()) {
    try {
      list.push({ source: plugin, contribution: (await load()).default })
    } catch (error) {
      throw new PluginError(plugin, 'load its OpenAPI description', error)
    }
  }
  return list
}

/**
 * The progress events the agent types declare, on POST /api/events: one
 * schema per payload (`EventPayload.<event type>`) and a list in the
 * operation's description, so agent authors find what to post.
 */
function addEventTypes(doc: OpenApiDocument, agentTypes: AgentTypeView[]) {
  const operation = doc.paths['/api/events']?.post
  if (!operation) return doc
  const lines: string[] = []
  const listed: Record<string, unknown>[] = []
  for (const type of agentTypes) {
    for (const event of type.events) {
      const name = `EventPayload.${event.type}`
      doc.components.schemas[name] = {
        ...event.payload,
        description: `Payload of \`${event.type}\` (agent type \`${type.name}\`).`,
      }
      lines.push(
        `- \`${event.type}\` (${type.name})${event.description ? `: ${event.description}` : ''} Payload: [${name}](#schema-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}).`
      )
      listed.push({
        event_type: event.type,
        agent_type: type.name,
        payload: { $ref: `#/components/schemas/${name}` },
      })
    }
  }
  if (lines.length) {
    operation.description += `\n\nEvent types the agent types declare:\n\n${lines.join('\n')}`
    operation['x-event-types'] = listed
  }
  return doc
}

/** The document of the plugins `plugins` holds (registered, not necessarily booted). */
export async function buildOpenApiDocument(plugins: PluginHost): Promise<OpenApiDocument> {
  const agentTypes = plugins === pluginHost ? describeAgentTypes() : agentTypeViews(plugins)
  const doc = buildDocument(await contributions(plugins), { version: version() })
  return addEventTypes(doc, agentTypes)
}

/** The document (built on first use; the routes do not change while the process runs). */
export function openApiDocument(): Promise<OpenApiDocument> {
  built ??= buildOpenApiDocument(pluginHost).catch((error) => {
    built = undefined
    throw error
  })
  return built
}
