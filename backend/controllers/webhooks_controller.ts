import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import WebhookSubscription from '#models/webhook_subscription'
import WebhookPolicy from '#policies/webhook_policy'
import { ApiException } from '#exceptions/api_exception'
import { createWebhookValidator, updateWebhookValidator } from '#validators/webhook'
import { actorFromContext, recordChange } from '#services/change_recorder'
import { runList, type ListSpec } from '#services/list_query'
import { refuseTarget } from '#services/webhook_targets'
import { newSecret, webhookSender } from '#services/webhook_delivery'
import { queueForSubscription } from '#services/webhook_outbox'

export const WEBHOOK_LIST: ListSpec = {
  table: 'webhook_subscriptions',
  filters: { id: 'uuid', enabled: 'boolean', agent_id: 'uuid', created_at: 'datetime' },
  sortable: ['url', 'created_at', 'updated_at'],
  search: ['url', 'description'],
  defaultSort: [['created_at', 'desc']],
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const

export const DELIVERY_LIST: ListSpec = {
  table: 'webhook_deliveries',
  filters: {
    id: 'integer',
    status: { enum: DELIVERY_STATUSES },
    event_type: 'text',
    created_at: 'datetime',
  },
  sortable: ['id', 'created_at', 'next_attempt_at', 'attempts'],
  defaultSort: [['id', 'desc']],
}

const DELIVERY_COLUMNS = [
  'id',
  'subscription_id',
  'event_seq',
  'event_type',
  'status',
  'attempts',
  'next_attempt_at',
  'last_status',
  'last_response',
  'last_error',
  'last_duration_ms',
  'created_at',
  'delivered_at',
]

function unprocessable(field: string, message: string, rule = 'target') {
  return new ApiException(422, message, { field, rule, code: 'E_VALIDATION_ERROR' })
}

async function checkTarget(url: string) {
  const refused = await refuseTarget(url)
  if (refused) throw unprocessable('url', refused)
}

async function checkAgent(agentId: string | null | undefined) {
  if (!agentId) return
  if (!(await db.from('agents').where('id', agentId).first())) {
    throw unprocessable('agent_id', 'No agent has this id', 'exists')
  }
}

async function find(id: string) {
  const subscription = await WebhookSubscription.find(id)
  if (!subscription) throw ApiException.notFound('Webhook')
  return subscription
}

/** Deliveries by status, per subscription: for the list's columns. */
async function withCounts(subscriptions: WebhookSubscription[]) {
  const ids = subscriptions.map((subscription) => subscription.id)
  const rows = ids.length
    ? await db
        .from('webhook_deliveries')
        .whereIn('subscription_id', ids)
        .select('subscription_id', 'status')
        .count('* as n')
        .groupBy('subscription_id', 'status')
    : []
  return subscriptions.map((subscription) => {
    const counts = { pending: 0, delivered: 0, failed: 0 }
    for (const row of rows) {
      if (row.subscription_id === subscription.id) {
        counts[row.status as keyof typeof counts] = Number(row.n)
      }
    }
    return { ...subscription.serialize(), deliveries: counts }
  })
}

/**
 * Webhook subscriptions and their deliveries (admins only). Each change is
 * recorded like any other; the secret is never in an audit row or event.
 */
export default class WebhooksController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(WebhookPolicy).authorize('manage')
    return withCounts(await runList(ctx, WebhookSubscription.query(), WEBHOOK_LIST))
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(WebhookPolicy).authorize('manage')
    return (await withCounts([await find(params.id)]))[0]
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(WebhookPolicy).authorize('manage')
    const data = await ctx.request.validateUsing(createWebhookValidator)
    await checkTarget(data.url)
    await checkAgent(data.agent_id)
    const subscription = await recordChange(
      actorFromContext(ctx),
      (trx) =>
        WebhookSubscription.create(
          {
            url: data.url,
            description: data.description ?? null,
            eventTypes: data.event_types,
            resourceTypes: data.resource_types ?? [],
            agentId: data.agent_id ?? null,
            enabled: data.enabled ?? true,
            secret: newSecret(),
            createdBy: ctx.auth.user!.id,
          },
          { client: trx }
        ),
      {
        action: 'webhook.created',
        resourceType: 'webhooks',
        resourceId: (created) => created.id,
        after: (created) => created.withoutSecret(),
      }
    )
    webhookSender.subscriptionsChanged()
    return ctx.response.created((await withCounts([await find(subscription.id)]))[0])
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(WebhookPolicy).authorize('manage')
    const existing = await find(ctx.params.id)
    const data = await ctx.request.validateUsing(updateWebhookValidator)
    if (data.url !== undefined && data.url !== existing.url) await checkTarget(data.url)
    await checkAgent(data.agent_id)
    await recordChange(
      actorFromContext(ctx),
      async (trx) => {
        const subscription = await WebhookSubscription.query({ client: trx })
          .where('id', existing.id)
          .forUpdate()
          .firstOrFail()
        const before = subscription.withoutSecret()
        if (data.url !== undefined) subscription.url = data.url
        if (data.description !== undefined) subscription.description = data.description
        if (data.event_types !== undefined) subscription.eventTypes = data.event_types
        if (data.resource_types !== undefined) subscription.resourceTypes = data.resource_types
        if (data.agent_id !== undefined) subscription.agentId = data.agent_id
        if (data.enabled !== undefined) subscription.enabled = data.enabled
        if (data.rotate_secret) subscription.secret = newSecret()
        await subscription.useTransaction(trx).save()
        return { subscription, before }
      },
      {
        action: 'webhook.updated',
        resourceType: 'webhooks',
        resourceId: existing.id,
        before: ({ before }) => before,
        after: ({ subscription }) => subscription.withoutSecret(),
        ...(data.rotate_secret ? { payload: { secret_rotated: true } } : {}),
      }
    )
    webhookSender.subscriptionsChanged()
    return (await withCounts([await find(existing.id)]))[0]
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(WebhookPolicy).authorize('manage')
    const existing = await find(ctx.params.id)
    await recordChange(
      actorFromContext(ctx),
      async (trx) => {
        await trx.from('webhook_subscriptions').where('id', existing.id).delete()
      },
      {
        action: 'webhook.deleted',
        resourceType: 'webhooks',
        resourceId: existing.id,
        before: existing.withoutSecret(),
      }
    )
    return ctx.response.noContent()
  }

  /** GET /api/webhooks/:id/deliveries: newest first by default. */
  async deliveries(ctx: HttpContext) {
    await ctx.bouncer.with(WebhookPolicy).authorize('manage')
    const subscription = await find(ctx.params.id)
    return runList(
      ctx,
      db
        .from('webhook_deliveries')
        .where('subscription_id', subscription.id)
        .select(DELIVERY_COLUMNS),
      DELIVERY_LIST
    )
  }

  /** POST /api/webhooks/:id/test: a `webhook.test` message to this URL, through the outbox. */
  async test(ctx: HttpContext) {
    await ctx.bouncer.with(WebhookPolicy).authorize('manage')
    const subscription = await find(ctx.params.id)
    const deliveryId = await recordChange(
      actorFromContext(ctx),
      (trx) =>
        queueForSubscription(trx, subscription.id, 'webhook.test', {
          message: 'A test from Mission Control: your endpoint receives and verifies webhooks.',
          subscription_id: subscription.id,
        }),
      {
        action: 'webhook.test_sent',
        resourceType: 'webhooks',
        resourceId: subscription.id,
        payload: (id) => ({ delivery_id: id }),
      }
    )
    webhookSender.subscriptionsChanged()
    return ctx.response.accepted(await delivery(deliveryId))
  }

  /** POST /api/webhooks/:id/deliveries/:delivery_id/redeliver: again, with a fresh retry schedule. */
  async redeliver(ctx: HttpContext) {
    await ctx.bouncer.with(WebhookPolicy).authorize('manage')
    const subscription = await find(ctx.params.id)
    const deliveryId = String(ctx.params.delivery_id)
    await recordChange(
      actorFromContext(ctx),
      async (trx) => {
        const updated = await trx
          .from('webhook_deliveries')
          .where({ id: deliveryId, subscription_id: subscription.id })
          .whereNot('status', 'pending')
          .update({
            status: 'pending',
            attempts: 0,
            next_attempt_at: new Date(),
            lease: null,
            locked_until: null,
          })
        if (Number(updated) === 0) {
          const found = await trx
            .from('webhook_deliveries')
            .where({ id: deliveryId, subscription_id: subscription.id })
            .first()
          if (!found) throw ApiException.notFound('Delivery')
          throw ApiException.conflict(
            'This delivery is still pending: it will be sent (again) on its own',
            'E_DELIVERY_PENDING'
          )
        }
      },
      {
        action: 'webhook.redelivered',
        resourceType: 'webhooks',
        resourceId: subscription.id,
        payload: { delivery_id: deliveryId },
      }
    )
    webhookSender.subscriptionsChanged()
    return ctx.response.accepted(await delivery(deliveryId))
  }
}

async function delivery(id: string) {
  return db.from('webhook_deliveries').where('id', id).select(DELIVERY_COLUMNS).firstOrFail()
}
