/**
 * Event types anyone with the EmitEvents permission may post to
 * POST /api/events, and the ones only the host writes.
 */

/** Lowercase dotted names with at least two segments: `lead.enriched`, `draft.review_started`. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/

/**
 * Namespaces the host writes through the change recorder. Replay rebuilds
 * the board from `task.*` and `agent.*` snapshots, and webhooks and
 * notifications act on recorded events, so a posted event in these
 * namespaces would rewrite history as others see it. Plugins name the types
 * they record in `records` (plugin.ts); those are refused too.
 */
export const RESERVED_EVENT_NAMESPACES = [
  'task',
  'agent',
  'user',
  'system',
  'auth',
  'audit',
  'budget',
  'reservation',
  'usage',
  'webhook',
  'saved_view',
  'notification_preferences',
] as const

/**
 * Last segments the change recorder uses for record changes in every
 * namespace (`lead.created`, `draft.deleted`): realtime clients read them
 * as "this record changed", so a progress event may not use them.
 */
export const RESERVED_EVENT_VERBS = ['created', 'updated', 'deleted'] as const

/** Matches the event types `reservedEventTypeReason` refuses (for the API's JSON Schema). */
export const RESERVED_EVENT_TYPE_PATTERN = new RegExp(
  `^(${RESERVED_EVENT_NAMESPACES.join('|')})\\.|\\.(${RESERVED_EVENT_VERBS.join('|')})$`
)

/** Largest accepted payload of a posted event, as serialized JSON. */
export const MAX_EVENT_PAYLOAD_BYTES = 64 * 1024

/** Why an event type may not be posted, or null when it may. */
export function reservedEventTypeReason(eventType: string): string | null {
  const segments = eventType.split('.')
  const namespace = segments[0]
  const verb = segments[segments.length - 1]
  if ((RESERVED_EVENT_NAMESPACES as readonly string[]).includes(namespace)) {
    return `"${namespace}." events are written by Mission Control itself and cannot be posted`
  }
  if ((RESERVED_EVENT_VERBS as readonly string[]).includes(verb)) {
    return `".${verb}" events record changes to records and cannot be posted`
  }
  return null
}
