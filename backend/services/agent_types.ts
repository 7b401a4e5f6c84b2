/**
 * What the agent types plugins declare means for requests: which progress
 * events an actor may post and with what payload, which settings an agent
 * may have, and how a type reads in GET /api/agent-types.
 */
import { errors } from '@vinejs/vine'
import Agent from '#models/agent'
import pluginHost from '#plugin_host/running'
import { ApiException } from '#exceptions/api_exception'
import { schemaOf, type JsonSchema } from '#openapi/kit'
import type { ObjectValidator, PluginHost } from '#plugin_host/host'
import type { Actor } from '#policies/app_policy'

/** Validates `data`; each field error names its full path in the body (`payload.website`). */
async function validateAt(validator: ObjectValidator, data: unknown, path: string) {
  try {
    return (await validator.validate(data)) as Record<string, unknown>
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    throw new errors.E_VALIDATION_ERROR(
      (error.messages as { field?: string }[]).map((message) => ({
        ...message,
        field: message.field ? `${path}.${message.field}` : path,
      }))
    )
  }
}

function refuseEventType(message: string, rule: string, allowed: string[]) {
  return new ApiException(422, message, {
    field: 'event_type',
    rule,
    code: 'E_VALIDATION_ERROR',
    meta: { allowed },
  })
}

/**
 * The payload to store for a progress event, or a 422. An agent may post only
 * the event types its type declares; anyone's payload of a declared type must
 * match its schema, and is stored as validated (fields the schema does not
 * declare are dropped). People may also post types no agent type declares.
 */
export async function checkProgressEvent(
  actor: Actor,
  eventType: string,
  payload: Record<string, unknown> | null | undefined
): Promise<Record<string, unknown> | undefined> {
  const recorder = pluginHost.recorderOf(eventType)
  if (recorder) {
    throw refuseEventType(
      `"${eventType}" events are recorded by Mission Control itself (plugin "${recorder}") and cannot be posted`,
      'reserved',
      actor instanceof Agent ? pluginHost.eventTypesOf(actor.type).map((event) => event.type) : []
    )
  }
  if (actor instanceof Agent) {
    if (!pluginHost.agentType(actor.type)) {
      throw refuseEventType(
        `This agent's type "${actor.type}" is not declared by any enabled plugin, so it may not post events`,
        'agentType',
        []
      )
    }
    const allowed = pluginHost.eventTypesOf(actor.type).map((event) => event.type)
    if (!allowed.includes(eventType)) {
      throw refuseEventType(
        allowed.length
          ? `Agents of type "${actor.type}" post only these event types: ${allowed.join(', ')}; "${eventType}" is not one of them`
          : `Agents of type "${actor.type}" declare no event types, so they may not post "${eventType}"`,
        'declaredEventType',
        allowed
      )
    }
  }
  const validator = pluginHost.eventType(eventType)?.validator
  if (!validator) return payload ?? undefined
  return validateAt(validator, payload ?? {}, 'payload')
}

/** The metadata to store for a new agent: `metadata.settings`, when given, checked against its type's schema. */
export async function checkAgentSettings(
  agentType: string,
  metadata: Record<string, unknown> | undefined
): Promise<Record<string, unknown> | undefined> {
  const validator = pluginHost.settingsValidator(agentType)
  if (!validator || !metadata || metadata.settings === undefined) return metadata
  return {
    ...metadata,
    settings: await validateAt(validator, metadata.settings, 'metadata.settings'),
  }
}

export interface AgentTypeView {
  name: string
  label: string
  description: string | null
  plugin: string
  abilities: string[]
  /** JSON Schema of `metadata.settings`, or null when the type declares none. */
  settings: JsonSchema | null
  events: { type: string; description: string | null; payload: JsonSchema }[]
}

const ANY_OBJECT: JsonSchema = { type: 'object' }

/* The schemas never change while the process runs: describe each type once. */
const views = new Map<string, AgentTypeView>()

/** An agent type as GET /api/agent-types shows it, or undefined when none has this name. */
export function describeAgentType(name: string): AgentTypeView | undefined {
  let view = views.get(name)
  if (!view) {
    view = agentTypeView(pluginHost, name)
    if (view) views.set(name, view)
  }
  return view
}

/** Every registered agent type, in registration order (plugins in dependency order). */
export function describeAgentTypes(): AgentTypeView[] {
  return pluginHost.agentTypes().map((type) => describeAgentType(type.name)!)
}

/** The agent types of another host than this process's (every plugin, for the API types). */
export function agentTypeViews(host: PluginHost): AgentTypeView[] {
  return host.agentTypes().map((type) => agentTypeView(host, type.name)!)
}

function agentTypeView(host: PluginHost, name: string): AgentTypeView | undefined {
  const type = host.agentType(name)
  if (!type) return undefined
  const settings = host.settingsValidator(name)
  return {
    name: type.name,
    label: type.label,
    description: type.description ?? null,
    plugin: type.plugin,
    abilities: type.abilities ?? [],
    settings: settings ? schemaOf(settings) : null,
    events: host.eventTypesOf(name).map((event) => ({
      type: event.type,
      description: event.description ?? null,
      payload: event.validator ? schemaOf(event.validator) : ANY_OBJECT,
    })),
  }
}
