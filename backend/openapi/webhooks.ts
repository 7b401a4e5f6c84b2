/**
 * The webhook routes in GET /api/openapi.json (admins only; docs/WEBHOOKS.md).
 */
import { Permission } from '#policies/permissions'
import { createWebhookValidator, updateWebhookValidator } from '#validators/webhook'
import { DELIVERY_LIST, DELIVERY_STATUSES, WEBHOOK_LIST } from '#controllers/webhooks_controller'
import {
  dateTime,
  defineOpenApi,
  enumOf,
  listOf,
  nullable,
  record,
  ref,
  text,
  uuid,
} from '#openapi/kit'

const AT = '2026-03-01T10:00:00.000Z'
const WEBHOOK_ID = '3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9'
const webhook = {
  id: WEBHOOK_ID,
  url: 'https://hooks.example.com/mission-control',
  description: 'Decisions to the CRM',
  event_types: ['draft.approved', 'draft.rejected'],
  resource_types: [],
  agent_id: null,
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  enabled: true,
  created_by: '0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10',
  created_at: AT,
  updated_at: AT,
  deliveries: { pending: 0, delivered: 41, failed: 1 },
}
const delivery = {
  id: 1207,
  subscription_id: WEBHOOK_ID,
  event_seq: 88231,
  event_type: 'draft.approved',
  status: 'failed',
  attempts: 8,
  next_attempt_at: AT,
  last_status: 502,
  last_response: 'Bad Gateway',
  last_error: 'The receiver answered 502',
  last_duration_ms: 312,
  created_at: AT,
  delivered_at: null,
}
const count = { type: 'integer', minimum: 0 }

export default defineOpenApi({
  tags: [
    {
      name: 'Webhooks',
      description:
        'Signed deliveries of events to URLs an admin subscribes (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`). Written to an outbox in the transaction of the change; sent at least once, retried with backoff. See docs/WEBHOOKS.md.',
    },
  ],
  schemas: {
    Webhook: record(
      {
        id: uuid(),
        url: text('http(s); private and loopback addresses only when the operator allows them.'),
        description: nullable(text()),
        event_types: {
          type: 'array',
          items: { type: 'string' },
          description: 'Exact types (`draft.approved`), prefixes (`draft.*`) or `*`.',
        },
        resource_types: {
          type: 'array',
          items: { type: 'string' },
          description: 'Only events about these resources (`tasks`, ...); empty: all.',
        },
        agent_id: nullable(
          uuid('Only the events about this agent, and its private messages (`draft.feedback`).')
        ),
        secret: text('The signing secret (`whsec_...`), for verifying `webhook-signature`.'),
        enabled: { type: 'boolean' },
        created_by: nullable(uuid()),
        created_at: dateTime(),
        updated_at: dateTime(),
        deliveries: record({ pending: count, delivered: count, failed: count }),
      },
      'A webhook subscription.'
    ),
    WebhookDelivery: record(
      {
        id: { type: 'integer', description: 'Also the `webhook-id` header: `msg_<id>`.' },
        subscription_id: uuid(),
        event_seq: nullable({
          type: 'integer',
          description: 'The event’s `seq`; null for a message of its own.',
        }),
        event_type: text(),
        status: enumOf(DELIVERY_STATUSES),
        attempts: count,
        next_attempt_at: dateTime('While pending: when it is tried next.'),
        last_status: nullable({ type: 'integer', description: 'The receiver’s last HTTP status.' }),
        last_response: nullable(text('The first 2 KB of the receiver’s last answer.')),
        last_error: nullable(text('Why the last attempt failed.')),
        last_duration_ms: nullable(count),
        created_at: dateTime(),
        delivered_at: nullable(dateTime()),
      },
      'One event (or message) for one subscription, and how sending it went.'
    ),
  },
  paths: {
    '/api/webhooks': {
      get: {
        operationId: 'listWebhooks',
        summary: 'List webhook subscriptions',
        access: Permission.ManageWebhooks,
        list: WEBHOOK_LIST,
        response: {
          status: 200,
          description: 'A page of subscriptions.',
          schema: listOf('Webhook'),
          example: [webhook],
        },
      },
      post: {
        operationId: 'createWebhook',
        summary: 'Subscribe a URL',
        description:
          'Answers with the new `secret`. The URL is checked (http or https, no credentials, a public address unless `WEBHOOK_ALLOW_PRIVATE_TARGETS=true`): 422 on `url` otherwise.',
        access: Permission.ManageWebhooks,
        body: {
          schema: createWebhookValidator,
          example: {
            url: webhook.url,
            description: webhook.description,
            event_types: webhook.event_types,
          },
        },
        response: {
          status: 201,
          description: 'The subscription.',
          schema: ref('Webhook'),
          example: webhook,
        },
      },
    },
    '/api/webhooks/{id}': {
      get: {
        operationId: 'getWebhook',
        summary: 'Get a webhook subscription',
        access: Permission.ManageWebhooks,
        response: {
          status: 200,
          description: 'The subscription.',
          schema: ref('Webhook'),
          example: webhook,
        },
      },
      patch: {
        operationId: 'updateWebhook',
        summary: 'Change a webhook subscription',
        description:
          '`enabled: false` pauses it (its deliveries wait); `rotate_secret: true` replaces the secret at once.',
        access: Permission.ManageWebhooks,
        body: { schema: updateWebhookValidator, example: { enabled: false } },
        response: {
          status: 200,
          description: 'The subscription.',
          schema: ref('Webhook'),
          example: webhook,
        },
      },
      delete: {
        operationId: 'deleteWebhook',
        summary: 'Delete a webhook subscription',
        description: 'Its deliveries go with it.',
        access: Permission.ManageWebhooks,
        response: { status: 204, description: 'Deleted.' },
      },
    },
    '/api/webhooks/{id}/deliveries': {
      get: {
        operationId: 'listWebhookDeliveries',
        summary: 'List a subscription’s deliveries',
        access: Permission.ManageWebhooks,
        list: DELIVERY_LIST,
        response: {
          status: 200,
          description: 'A page of deliveries.',
          schema: listOf('WebhookDelivery'),
          example: [delivery],
        },
      },
    },
    '/api/webhooks/{id}/test': {
      post: {
        operationId: 'testWebhook',
        summary: 'Send a test',
        description: 'Queues a `webhook.test` message for this URL only, sent like any delivery.',
        access: Permission.ManageWebhooks,
        response: {
          status: 202,
          description: 'The queued delivery.',
          schema: ref('WebhookDelivery'),
        },
      },
    },
    '/api/webhooks/{id}/deliveries/{delivery_id}/redeliver': {
      post: {
        operationId: 'redeliverWebhook',
        summary: 'Redeliver',
        description:
          'A delivered or failed delivery is sent again, with a fresh retry schedule and the same `webhook-id`.',
        access: Permission.ManageWebhooks,
        path: { delivery_id: { description: 'The delivery’s id.', schema: { type: 'integer' } } },
        response: {
          status: 202,
          description: 'The delivery, pending again.',
          schema: ref('WebhookDelivery'),
        },
        errors: { 409: 'It is still pending (`E_DELIVERY_PENDING`).' },
      },
    },
  },
})
