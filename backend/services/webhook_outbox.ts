/**
 * Messages for the webhook outbox that are not recorded events: a test
 * send, and what only one agent may read (feedback on its drafts), for the
 * subscriptions bound to that agent. Written in the caller's transaction,
 * like the trigger that queues recorded events, so they are sent if and only
 * if the change commits.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/* `prefix.*` and `*` as LIKE patterns; `_` is literal */
const MATCHES = `EXISTS (SELECT 1 FROM unnest(s.event_types) AS p
  WHERE ? LIKE replace(replace(p, '_', '\\_'), '*', '%'))`

function body(type: string, data: Record<string, unknown>) {
  return JSON.stringify({ type, timestamp: new Date().toISOString(), data })
}

/** For the subscriptions of one agent that want this type. */
export async function queueForAgent(
  client: QueryClientContract,
  agentId: string,
  type: string,
  data: Record<string, unknown>
) {
  await client.rawQuery(
    `INSERT INTO webhook_deliveries (subscription_id, message, event_type)
     SELECT s.id, ?::jsonb, ? FROM webhook_subscriptions s
     WHERE s.enabled AND s.agent_id = ? AND ${MATCHES}`,
    [body(type, data), type, agentId, type]
  )
}

/** For one subscription, whatever it wants (a test send). Resolves with the delivery's id. */
export async function queueForSubscription(
  client: QueryClientContract,
  subscriptionId: string,
  type: string,
  data: Record<string, unknown>
): Promise<string> {
  const { rows } = await client.rawQuery(
    `INSERT INTO webhook_deliveries (subscription_id, message, event_type)
     VALUES (?, ?::jsonb, ?) RETURNING id`,
    [subscriptionId, body(type, data), type]
  )
  return String(rows[0].id)
}
