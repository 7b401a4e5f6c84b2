import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext, recordChanges } from '#services/change_recorder'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { runList, type ListSpec } from '#services/list_query'
import { preferencesValidator } from '#validators/notification'
import {
  DEFAULT_PREFERENCE,
  announce,
  notificationKinds,
  unreadCount,
} from '#services/notifications'
import { refuseTarget } from '#services/webhook_targets'
import { smtpSettings } from '#config/mail'

export const NOTIFICATION_LIST: ListSpec = {
  table: 'notifications',
  filters: { kind: 'text', created_at: 'datetime' },
  sortable: ['id', 'created_at'],
  search: ['title', 'body'],
  defaultSort: [['id', 'desc']],
}

const COLUMNS = ['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at']

/**
 * The preferences as the audit row keeps them: the Slack URL is a secret
 * (whoever has it posts to the channel), so only whether there is one.
 */
function recordable(preferences: { slack_webhook_url: string | null; kinds: object[] }) {
  const { slack_webhook_url: slack, ...rest } = preferences
  return { ...rest, slack_webhook: slack ? 'set' : null }
}

/** People only: agents have their own channels (feedback, controls). */
function person(ctx: HttpContext): User {
  const actor = ctx.auth.user
  if (!(actor instanceof User)) {
    throw ApiException.forbidden(
      'Notifications are for people: an agent reads its controls and feedback'
    )
  }
  return actor
}

/**
 * The signed-in person's notifications (the bell) and what they want to
 * receive. Each person reads and changes their own only.
 */
export default class NotificationsController {
  /** GET /api/notifications?unread=true */
  async index(ctx: HttpContext) {
    const user = person(ctx)
    const { unread: onlyUnread, ...rest } = ctx.request.qs()
    if (onlyUnread !== undefined && onlyUnread !== 'true' && onlyUnread !== 'false') {
      throw new ApiException(422, 'unread must be true or false', {
        field: 'unread',
        code: 'E_INVALID_QUERY',
      })
    }
    ctx.request.updateQs(rest)
    const query = db.from('notifications').where({ user_id: user.id, in_app: true }).select(COLUMNS)
    if (onlyUnread === 'true') query.whereNull('read_at')
    return runList(ctx, query, NOTIFICATION_LIST)
  }

  async unreadCount(ctx: HttpContext) {
    return { unread: await unreadCount(person(ctx).id) }
  }

  /** POST /api/notifications/:id/read */
  async read(ctx: HttpContext) {
    const user = person(ctx)
    const { rows } = await db.rawQuery(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
       WHERE id = ? AND user_id = ? AND in_app RETURNING ${COLUMNS.join(', ')}`,
      [ctx.params.id, user.id]
    )
    if (rows.length === 0) throw ApiException.notFound('Notification')
    await announce([user.id])
    return rows[0]
  }

  /** POST /api/notifications/read-all */
  async readAll(ctx: HttpContext) {
    const user = person(ctx)
    await db.rawQuery(
      'UPDATE notifications SET read_at = now() WHERE user_id = ? AND read_at IS NULL',
      [user.id]
    )
    await announce([user.id])
    return { unread: 0 }
  }

  /** GET /api/notifications/preferences: every kind the person's role gets, and their choices. */
  async preferences(ctx: HttpContext) {
    return this.#preferencesOf(person(ctx))
  }

  /** PUT /api/notifications/preferences */
  async updatePreferences(ctx: HttpContext) {
    const user = person(ctx)
    const data = await ctx.request.validateUsing(preferencesValidator)
    const kinds = new Set(notificationKinds().map((kind) => kind.kind))
    for (const [index, entry] of (data.kinds ?? []).entries()) {
      if (!kinds.has(entry.kind)) {
        throw new ApiException(422, `There is no notification kind "${entry.kind}"`, {
          field: `kinds.${index}.kind`,
          rule: 'exists',
          code: 'E_VALIDATION_ERROR',
        })
      }
    }
    if (data.slack_webhook_url) {
      const refused = await refuseTarget(data.slack_webhook_url)
      if (refused) {
        throw new ApiException(422, refused, {
          field: 'slack_webhook_url',
          rule: 'target',
          code: 'E_VALIDATION_ERROR',
        })
      }
    }
    const before = recordable(await this.#preferencesOf(user))
    await recordChanges(actorFromContext(ctx), async (trx, recorder) => {
      if (data.slack_webhook_url !== undefined) {
        await trx.rawQuery(
          `INSERT INTO notification_settings (user_id, slack_webhook_url) VALUES (?, ?)
           ON CONFLICT (user_id) DO UPDATE SET slack_webhook_url = EXCLUDED.slack_webhook_url`,
          [user.id, data.slack_webhook_url ?? null] as any[]
        )
      }
      for (const entry of data.kinds ?? []) {
        await trx.rawQuery(
          `INSERT INTO notification_preferences (user_id, kind, in_app, email, slack, digest_minutes)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app,
             email = EXCLUDED.email, slack = EXCLUDED.slack, digest_minutes = EXCLUDED.digest_minutes`,
          [user.id, entry.kind, entry.in_app, entry.email, entry.slack, entry.digest_minutes]
        )
      }
      await recorder.record({
        action: 'notification_preferences.updated',
        resourceType: 'notification_preferences',
        resourceId: user.id,
        before,
        after: recordable(await this.#preferencesOf(user, trx)),
      })
    })
    return this.#preferencesOf(user)
  }

  async #preferencesOf(user: User, client: QueryClientContract = db.connection()) {
    const saved = new Map(
      (await client.from('notification_preferences').where('user_id', user.id)).map((row) => [
        row.kind,
        row,
      ])
    )
    const settings = await client.from('notification_settings').where('user_id', user.id).first()
    return {
      email: user.email,
      email_available: Boolean(smtpSettings.host),
      slack_webhook_url: settings?.slack_webhook_url ?? null,
      kinds: notificationKinds()
        .filter((kind) => kind.roles.includes(user.role))
        .map((kind) => {
          const row = saved.get(kind.kind)
          return {
            ...kind,
            in_app: row?.in_app ?? DEFAULT_PREFERENCE.in_app,
            email: row?.email ?? DEFAULT_PREFERENCE.email,
            slack: row?.slack ?? DEFAULT_PREFERENCE.slack,
            digest_minutes: row?.digest_minutes ?? DEFAULT_PREFERENCE.digest_minutes,
          }
        }),
    }
  }
}
