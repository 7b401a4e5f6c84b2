/**
 * Notifications that get things decided (docs/NOTIFICATIONS.md).
 *
 * Kinds are declared by the host (an agent gone stale, an agent paused by a
 * rule) and by plugins (`notifications` in plugin.ts: a draft waiting, a
 * draft overdue). The notifier reads recorded events from task_events
 * (a cursor held back a minute, so an event committed late is still seen;
 * re-reading is harmless: one notification per person per cause), looks
 * for stale agents, and writes a row per person who holds a role of the
 * kind and did not turn everything off. Then it sends what is due: the bell
 * (live, on `users/<id>`), e-mail and Slack, at once or as a digest every N
 * minutes, as each person chose. One instance works at a time (the cursor
 * row is taken with SKIP LOCKED); every instance runs it.
 */
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import transmit from '@adonisjs/transmit/services/main'
import { Role } from '#enums/roles'
import { ActorType } from '#enums/actor_type'
import { AgentStatus } from '#enums/agent_status'
import pluginHost from '#plugin_host/running'
import type { NotificationKind } from '#plugin_host/define_plugin'
import { eventFromRow, onRecorded, type TaskEventRow } from '#services/change_recorder'
import { staleAfterSeconds } from '#services/agent_view'
import { postJson } from '#services/webhook_delivery'
import { isDatabaseUnavailable } from '#services/database_errors'
import { smtpSettings } from '#config/mail'
import env from '#start/env'

/** The host's own kinds; plugins add theirs. */
const HOST_KINDS: NotificationKind[] = [
  {
    kind: 'agents.paused_by_rule',
    label: 'An agent was paused by a rule',
    description:
      'A rule (a budget, a limit) paused or stopped an agent: it does nothing until resumed.',
    on: 'agent.paused',
    when: (event) => event.actor.type === ActorType.System,
    roles: [Role.Admin],
    title: () => 'An agent was paused by a rule',
    body: (event) => (typeof event.payload.reason === 'string' ? event.payload.reason : null),
    link: (event) => `/agents/show/${event.resourceId}`,
  },
]

/** Not an event: raised by the sweep for an agent without a heartbeat. */
export const STALE_KIND = {
  kind: 'agents.stale',
  label: 'An agent went silent',
  description: 'No heartbeat for longer than AGENT_STALE_SECONDS while it should be working.',
  roles: [Role.Admin],
}

export interface KindView {
  kind: string
  label: string
  description: string | null
  roles: string[]
}

/** Every kind a person may be notified of, for the preferences screen. */
export function notificationKinds(): KindView[] {
  return [
    ...[...HOST_KINDS, ...pluginHost.notificationKinds()].map((kind) => ({
      kind: kind.kind,
      label: kind.label,
      description: kind.description ?? null,
      roles: kind.roles,
    })),
    { ...STALE_KIND, roles: STALE_KIND.roles },
  ]
}

function eventKinds() {
  return [...HOST_KINDS, ...pluginHost.notificationKinds()]
}

export const notifierSettings = {
  pollMs: 2000,
  /** The cursor stays this far behind the newest event, for transactions that commit late. */
  lateCommitSeconds: 60,
}

export interface Preference {
  in_app: boolean
  email: boolean
  slack: boolean
  digest_minutes: number
}

export const DEFAULT_PREFERENCE: Preference = {
  in_app: true,
  email: false,
  slack: false,
  digest_minutes: 0,
}

interface NewNotification {
  kind: string
  roles: string[]
  title: string
  body: string | null
  link: string | null
  dedupeKey: string
}

/** A row for each active person of the kind's roles who keeps at least one channel on. */
async function raise(notification: NewNotification) {
  const { rows } = await db.rawQuery(
    `INSERT INTO notifications
       (user_id, kind, title, body, link, dedupe_key, in_app, email_pending, slack_pending)
     SELECT u.id, ?, ?, ?, ?, ?,
       coalesce(p.in_app, ?), coalesce(p.email, ?), coalesce(p.slack, ?) AND s.slack_webhook_url IS NOT NULL
     FROM users u
     LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = ?
     LEFT JOIN notification_settings s ON s.user_id = u.id
     WHERE u.is_active AND u.role = ANY (?::text[])
       AND (coalesce(p.in_app, ?) OR coalesce(p.email, ?) OR coalesce(p.slack, ?))
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     RETURNING user_id`,
    [
      notification.kind,
      notification.title,
      notification.body,
      notification.link,
      notification.dedupeKey,
      DEFAULT_PREFERENCE.in_app,
      DEFAULT_PREFERENCE.email,
      DEFAULT_PREFERENCE.slack,
      notification.kind,
      notification.roles,
      DEFAULT_PREFERENCE.in_app,
      DEFAULT_PREFERENCE.email,
      DEFAULT_PREFERENCE.slack,
    ]
  )
  return (rows as { user_id: string }[]).map((row) => row.user_id)
}

/** Reads the events since the cursor; resolves with the people who got something new. */
async function fromEvents(): Promise<Set<string>> {
  const kinds = eventKinds()
  const notified = new Set<string>()
  if (kinds.length === 0) return notified
  const types = [...new Set(kinds.map((kind) => kind.on))]
  await db.transaction(async (trx) => {
    const cursor = await trx.rawQuery(
      'SELECT last_seq FROM notification_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED'
    )
    if (cursor.rows.length === 0) return // another instance is at it
    const from = Number(cursor.rows[0].last_seq)
    const { rows } = await trx.rawQuery(
      `SELECT * FROM task_events
       WHERE id > ? AND event_type = ANY (?::text[]) ORDER BY id LIMIT 1000`,
      [from, types]
    )
    for (const row of rows as TaskEventRow[]) {
      const event = eventFromRow(row)
      for (const kind of kinds) {
        if (kind.on !== event.action || (kind.when && !kind.when(event))) continue
        for (const user of await raise({
          kind: kind.kind,
          roles: kind.roles,
          title: kind.title(event),
          body: kind.body?.(event) ?? null,
          link: kind.link?.(event) ?? null,
          dedupeKey: `${kind.kind}:${event.seq}`,
        })) {
          notified.add(user)
        }
      }
    }
    // advance past what is old enough that nothing before it can still commit
    const { rows: horizon } = await trx.rawQuery(
      `SELECT coalesce(max(id), ?) AS seq FROM task_events
       WHERE id > ? AND created_at < now() - make_interval(secs => ?)`,
      [from, from, notifierSettings.lateCommitSeconds]
    )
    let next = Math.max(from, Number(horizon[0].seq))
    // a full page: the rest is read next pass, from where this one stopped
    if (rows.length === 1000) next = Math.min(next, Number(rows[rows.length - 1].id))
    if (next > from) {
      await trx.rawQuery('UPDATE notification_cursor SET last_seq = ? WHERE id = 1', [next])
    }
  })
  return notified
}

/** Agents that should be working and have been silent: once per silent spell. */
async function fromStaleAgents(): Promise<Set<string>> {
  const notified = new Set<string>()
  const { rows } = await db.rawQuery(
    `SELECT a.id, a.name, a.last_update_at FROM agents a
     WHERE a.status IN (?, ?) AND a.last_update_at < now() - make_interval(secs => ?)
       AND NOT EXISTS (
         SELECT 1 FROM notifications n WHERE n.dedupe_key =
           ? || ':' || a.id || ':' || floor(extract(epoch FROM a.last_update_at) * 1000)::bigint
       )`,
    [AgentStatus.Idle, AgentStatus.Running, staleAfterSeconds(), STALE_KIND.kind]
  )
  for (const agent of rows as { id: string; name: string; last_update_at: Date }[]) {
    for (const user of await raise({
      kind: STALE_KIND.kind,
      roles: STALE_KIND.roles,
      title: `${agent.name} went silent`,
      body: `No heartbeat since ${agent.last_update_at.toISOString()}`,
      link: `/agents/show/${agent.id}`,
      dedupeKey: `${STALE_KIND.kind}:${agent.id}:${agent.last_update_at.getTime()}`,
    })) {
      notified.add(user)
    }
  }
  return notified
}

interface Due {
  id: string
  user_id: string
  title: string
  body: string | null
  link: string | null
  created_at: Date
  email: string
  digest_minutes: number
  slack_webhook_url: string | null
}

/** The person's notifications waiting for a channel, if its time has come (at once, or the digest's). */
async function dueFor(channel: 'email' | 'slack') {
  const pending = channel === 'email' ? 'email_pending' : 'slack_pending'
  const sentAt = channel === 'email' ? 'email_sent_at' : 'slack_sent_at'
  const { rows } = await db.rawQuery(
    `SELECT n.id, n.user_id, n.title, n.body, n.link, n.created_at, u.email,
       coalesce(p.digest_minutes, 0) AS digest_minutes, s.slack_webhook_url
     FROM notifications n
     JOIN users u ON u.id = n.user_id AND u.is_active
     LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
     LEFT JOIN notification_settings s ON s.user_id = n.user_id
     WHERE n.${pending}
       AND (coalesce(p.digest_minutes, 0) = 0
         OR s.${sentAt} IS NULL
         OR s.${sentAt} < now() - make_interval(mins => coalesce(p.digest_minutes, 0)))
     ORDER BY n.user_id, n.id
     LIMIT 500`
  )
  const byUser = new Map<string, Due[]>()
  for (const row of rows as Due[]) {
    byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row])
  }
  return byUser
}

/** The admin's address, for links in e-mail and Slack (APP_URL). */
function absolute(link: string | null) {
  if (!link) return null
  const base = env.get('APP_URL') ?? `http://localhost:${env.get('PORT', 4000)}`
  return new URL(link, base).href
}

function lines(items: Due[]) {
  return items.map((item) => {
    const url = absolute(item.link)
    return `• ${item.title}${item.body ? ` — ${item.body}` : ''}${url ? `\n  ${url}` : ''}`
  })
}

/** Logged once per pass and person; the notifications stay pending and are tried next pass. */
async function warn(message: string, error: unknown) {
  const { default: logger } = await import('@adonisjs/core/services/logger')
  logger.warn({ err: error }, message)
}

async function sendEmails() {
  if (!smtpSettings.host) return
  for (const [userId, items] of await dueFor('email')) {
    const subject =
      items.length === 1 ? items[0].title : `${items.length} things wait for you in Mission Control`
    try {
      await mail.use('smtp').send((message) => {
        message
          .to(items[0].email)
          .subject(subject)
          .text(
            `${lines(items).join('\n')}\n\nDeciding needs you signed in to Mission Control.\nChange what you receive: ${absolute('/notifications')}\n`
          )
      })
    } catch (error) {
      // the SMTP server down or refusing: kept for the next pass; the others are still sent
      await warn('notifications: an e-mail could not be sent', error)
      continue
    }
    await markSent('email', userId, items)
  }
}

async function sendSlack() {
  for (const [userId, items] of await dueFor('slack')) {
    const url = items[0].slack_webhook_url
    if (!url) {
      await markSent('slack', userId, items)
      continue
    }
    const text = lines(items)
      .map((line) => line.replace(/\n {2}(\S+)$/, ' <$1|open>'))
      .join('\n')
    const result = await postJson(url, JSON.stringify({ text }))
    const ok = result.status !== null && result.status >= 200 && result.status < 300
    // a 4xx is the URL's fault (revoked, wrong): retrying will not help, so these are given up
    const refused = result.status !== null && result.status >= 400 && result.status < 500
    if (!ok) {
      await warn(
        `notifications: Slack ${refused ? 'refused' : 'failed'} for a person (${result.status ?? result.error})`,
        null
      )
      if (!refused) continue
    }
    await markSent('slack', userId, items)
  }
}

async function markSent(channel: 'email' | 'slack', userId: string, items: Due[]) {
  const ids = items.map((item) => item.id)
  if (channel === 'email') {
    await db.rawQuery(
      `UPDATE notifications SET email_pending = false, emailed_at = now() WHERE id = ANY (?::bigint[])`,
      [ids]
    )
  } else {
    await db.rawQuery(
      `UPDATE notifications SET slack_pending = false, slacked_at = now() WHERE id = ANY (?::bigint[])`,
      [ids]
    )
  }
  const column = channel === 'email' ? 'email_sent_at' : 'slack_sent_at'
  await db.rawQuery(
    `INSERT INTO notification_settings (user_id, ${column}) VALUES (?, now())
     ON CONFLICT (user_id) DO UPDATE SET ${column} = now()`,
    [userId]
  )
}

/** What the bell counts: the person's unread notifications in the admin. */
export async function unreadCount(userId: string): Promise<number> {
  const { rows } = await db.rawQuery(
    'SELECT count(*)::int AS n FROM notifications WHERE user_id = ? AND in_app AND read_at IS NULL',
    [userId]
  )
  return rows[0].n
}

/** The person's unread count, on their private channel: the bell follows it. */
export async function announce(userIds: Iterable<string>) {
  for (const userId of userIds) {
    transmit.broadcast(`users/${userId}`, {
      type: 'notifications',
      unread: await unreadCount(userId),
    })
  }
}

/** One pass: raise what is new, announce it, send what is due. */
export async function runNotifier() {
  const notified = new Set([...(await fromEvents()), ...(await fromStaleAgents())])
  await announce(notified)
  await sendEmails()
  await sendSlack()
  return notified
}

export class Notifier {
  #timer: NodeJS.Timeout | undefined
  #running: Promise<unknown> | null = null
  #again = false
  #stopped = true
  #unsubscribe: (() => void) | undefined

  start() {
    if (!this.#stopped) return
    this.#stopped = false
    this.#timer = setInterval(() => this.nudge(), notifierSettings.pollMs)
    this.#timer.unref()
    const types = () => new Set(eventKinds().map((kind) => kind.on))
    this.#unsubscribe = onRecorded((event) => {
      if (types().has(event.action)) this.nudge()
    })
  }

  async stop() {
    this.#stopped = true
    clearInterval(this.#timer)
    this.#unsubscribe?.()
    await this.#running
  }

  nudge() {
    if (this.#stopped) return
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = runNotifier()
      .catch(async (error) => {
        if (isDatabaseUnavailable(error)) return
        const { default: logger } = await import('@adonisjs/core/services/logger')
        logger.error({ err: error }, 'notifications: a pass failed')
      })
      .finally(() => {
        this.#running = null
        if (this.#again && !this.#stopped) {
          this.#again = false
          this.nudge()
        }
      })
  }
}

export const notifier = new Notifier()
