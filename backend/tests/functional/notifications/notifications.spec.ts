import { test } from '@japa/runner'
import { SMTPServer } from 'smtp-server'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import Agent from '#models/agent'
import { Role } from '#enums/roles'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { makeUser } from '#tests/helpers/users'
import { needs } from '#tests/helpers/plugins'
import { freePort } from '#tests/helpers/instances'
import { webhookReceiver } from '#tests/helpers/webhook_receiver'
import { smtpSettings } from '#config/mail'
import { runNotifier } from '#services/notifications'
import { webhookSettings } from '#services/webhook_targets'
import { controlAgent } from '#actions/agents/control_agent'
import { SYSTEM } from '#services/change_recorder'
import User from '#models/user'
import { SseClient } from '#tests/helpers/sse_client'

/** A local SMTP sink (the `smtp-server` package): every message as sent, quoted-printable undone. */
async function smtpSink() {
  const messages: { to: string[]; raw: string; text: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const text = raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
        messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, text })
        callback()
      })
    },
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function submitDraft(token: string | null, content: string) {
  const draft = await call(token, 'POST', '/api/drafts', {
    channel: 'email',
    draft_type: 'cold_intro',
    content,
  })
  await call(token, 'POST', `/api/drafts/${draft.body.id}/submit`)
  return draft.body.id as string
}

test.group('Notifications: the bell, e-mail digests and Slack', (group) => {
  let actors: Actors
  let sink: Awaited<ReturnType<typeof smtpSink>>
  const saved = { ...smtpSettings }

  group.setup(async () => {
    sink = await smtpSink()
    smtpSettings.host = '127.0.0.1'
    smtpSettings.port = sink.port
    await mail.close('smtp')
    actors = await makeActors({ agentType: 'copywriter' })
    return async () => {
      Object.assign(smtpSettings, saved)
      await mail.close('smtp')
      await sink.close()
    }
  })
  group.each.setup(async () => {
    sink.messages.length = 0
    // each test hears of its own events only: the notifier starts after the newest one
    await db.rawQuery(
      'UPDATE notification_cursor SET last_seq = (SELECT coalesce(max(id), 0) FROM task_events)'
    )
    await db.from('notifications').update({ email_pending: false, slack_pending: false })
  })

  needs(
    test('an e-mail digest arrives with the drafts that wait, linked to the inbox, and only those', async ({
      assert,
    }) => {
      const digest = await makeUser(Role.Admin)
      const setup = await call(
        (await User.accessTokens.create(digest)).value!.release() as string,
        'PUT',
        '/api/notifications/preferences',
        {
          kinds: [
            { kind: 'drafts.waiting', in_app: true, email: true, slack: false, digest_minutes: 60 },
          ],
        }
      )
      assert.equal(setup.status, 200)
      assert.isTrue(setup.body.email_available)

      const first = await submitDraft(actors.tokens.agent, 'First for the digest')
      const second = await submitDraft(actors.tokens.agent, 'Second for the digest')
      await runNotifier()
      const toDigest = () => sink.messages.filter((message) => message.to.includes(digest.email))
      assert.lengthOf(toDigest(), 1, 'one e-mail for both drafts')
      assert.include(toDigest()[0].text, `/inbox?draft=${first}`)
      assert.include(toDigest()[0].text, `/inbox?draft=${second}`)
      assert.include(toDigest()[0].text, 'Subject: 2 things wait for you in Mission Control')

      // within the digest's hour: kept for the next one
      const third = await submitDraft(actors.tokens.agent, 'Third, for the next digest')
      await runNotifier()
      assert.lengthOf(toDigest(), 1)
      await db.rawQuery(
        `UPDATE notification_settings SET email_sent_at = now() - interval '61 minutes' WHERE user_id = ?`,
        [digest.id]
      )
      await runNotifier()
      assert.lengthOf(toDigest(), 2)
      assert.include(toDigest()[1].text, `/inbox?draft=${third}`)
      assert.notInclude(toDigest()[1].text, `/inbox?draft=${first}`)

      // the other admin kept the default: the bell only, no e-mail
      assert.notInclude(
        sink.messages.flatMap((message) => message.to),
        actors.users.admin.email
      )
      const bell = await call(actors.tokens.admin, 'GET', '/api/notifications')
      assert.equal(bell.status, 200)
      assert.includeMembers(
        bell.body.map((n: any) => n.link),
        [`/inbox?draft=${first}`, `/inbox?draft=${second}`, `/inbox?draft=${third}`]
      )
      const count = await call(actors.tokens.admin, 'GET', '/api/notifications/unread-count')
      assert.equal(count.body.unread, 3)
      const one = await call(
        actors.tokens.admin,
        'POST',
        `/api/notifications/${bell.body[0].id}/read`
      )
      assert.isNotNull(one.body.read_at)
      assert.equal(
        (await call(actors.tokens.admin, 'GET', '/api/notifications/unread-count')).body.unread,
        2
      )
      await call(actors.tokens.admin, 'POST', '/api/notifications/read-all')
      assert.equal(
        (await call(actors.tokens.admin, 'GET', '/api/notifications/unread-count')).body.unread,
        0
      )

      // a closer is not asked to decide, and cannot touch another person's notifications
      const closerBell = await call(actors.tokens.closer, 'GET', '/api/notifications')
      assert.lengthOf(closerBell.body, 0)
      const foreign = await call(
        actors.tokens.closer,
        'POST',
        `/api/notifications/${bell.body[0].id}/read`
      )
      assert.equal(foreign.status, 404)
      const prefs = await call(actors.tokens.closer, 'GET', '/api/notifications/preferences')
      assert.notInclude(
        prefs.body.kinds.map((k: any) => k.kind),
        'drafts.waiting'
      )
      const agent = await call(actors.tokens.agent, 'GET', '/api/notifications')
      assert.equal(agent.status, 403)
      // deciding still needs a signed-in admin: the link is a page of the admin, nothing more
      assert.isTrue(bell.body.every((n: any) => n.link.startsWith('/')))
    }),
    'drafts',
    'copywriter'
  )

  test('an agent gone silent is raised once per silent spell; a pause by a rule, not by a person', async ({
    assert,
  }) => {
    const silent = await makeAgent('orchestrator')
    await Agent.query()
      .where('id', silent.id)
      .update({ last_update_at: new Date(Date.now() - 3600_000) })
    await runNotifier()
    await runNotifier()
    const stale = await db
      .from('notifications')
      .where({ user_id: actors.users.admin.id, kind: 'agents.stale' })
      .whereILike('title', `${silent.name}%`)
    assert.lengthOf(stale, 1)
    assert.equal(stale[0].link, `/agents/show/${silent.id}`)

    const byRule = await makeAgent('orchestrator')
    await controlAgent(SYSTEM, byRule.id, 'pause', 'Daily budget of $5.00 reached')
    const byPerson = await makeAgent('orchestrator')
    await call(actors.tokens.admin, 'POST', `/api/agents/${byPerson.id}/pause`, { reason: 'lunch' })
    await runNotifier()
    const paused = await db
      .from('notifications')
      .where({ user_id: actors.users.admin.id, kind: 'agents.paused_by_rule' })
    assert.deepEqual(
      paused.map((n) => n.link),
      [`/agents/show/${byRule.id}`]
    )
    assert.equal(paused[0].body, 'Daily budget of $5.00 reached')
  })

  needs(
    test('Slack: immediately, to the person’s incoming webhook; private URLs refused unless allowed', async ({
      assert,
    }) => {
      const slack = await webhookReceiver()
      const person = await makeUser(Role.Admin)
      const token = (await User.accessTokens.create(person)).value!.release() as string
      try {
        const refused = await call(token, 'PUT', '/api/notifications/preferences', {
          slack_webhook_url: slack.url,
        })
        assert.equal(refused.status, 422)
        assert.equal(refused.body.errors[0].field, 'slack_webhook_url')
        const unknown = await call(token, 'PUT', '/api/notifications/preferences', {
          kinds: [
            { kind: 'nope.never', in_app: true, email: false, slack: false, digest_minutes: 0 },
          ],
        })
        assert.equal(unknown.status, 422)

        webhookSettings.allowPrivateTargets = true
        const saved = await call(token, 'PUT', '/api/notifications/preferences', {
          slack_webhook_url: slack.url,
          kinds: [
            { kind: 'drafts.waiting', in_app: false, email: false, slack: true, digest_minutes: 0 },
          ],
        })
        assert.equal(saved.status, 200)
        // a recorded change, whose audit row says a Slack URL is set but not which (it is a secret)
        const audit = await db
          .from('audit_log')
          .where({ action: 'notification_preferences.updated', resource_id: person.id })
        assert.isAbove(audit.length, 0)
        assert.notInclude(JSON.stringify(audit), slack.url)
        assert.equal(audit.at(-1).after_state.slack_webhook, 'set')
        const draft = await submitDraft(actors.tokens.agent, 'For Slack')
        await runNotifier()
        const [message] = await slack.waitFor(1)
        assert.include(message.json.text, `/inbox?draft=${draft}`)
        // in_app off: not in the bell
        const bell = await call(token, 'GET', '/api/notifications?kind=drafts.waiting')
        assert.lengthOf(bell.body, 0)
        await call(token, 'PUT', '/api/notifications/preferences', {
          kinds: [
            {
              kind: 'drafts.waiting',
              in_app: false,
              email: false,
              slack: false,
              digest_minutes: 0,
            },
          ],
        })
        await submitDraft(actors.tokens.agent, 'Nobody is told (all off)')
        await runNotifier()
        assert.lengthOf(
          await db.from('notifications').where({ user_id: person.id, kind: 'drafts.waiting' }),
          1
        )
      } finally {
        webhookSettings.allowPrivateTargets = false
        await slack.close()
      }
    }),
    'drafts',
    'copywriter'
  )

  test('users/<id>: only that person follows their unread count', async ({ assert }) => {
    const base = `http://${process.env.HOST}:${process.env.PORT}`
    const channel = `users/${actors.users.admin.id}`
    const own = new SseClient(base, { token: actors.tokens.admin! })
    const others = [actors.tokens.operator!, actors.tokens.viewer!, actors.tokens.agent!].map(
      (token) => new SseClient(base, { token })
    )
    try {
      assert.equal((await own.subscribe(channel)).status, 204)
      for (const other of others) assert.equal((await other.subscribe(channel)).status, 403)
      const heard = own.waitFor(channel, (message) => message.type === 'notifications', 3000)
      await call(actors.tokens.admin, 'POST', '/api/notifications/read-all')
      assert.deepEqual(await heard, { type: 'notifications', unread: 0 })
    } finally {
      own.close()
      for (const other of others) other.close()
    }
  })
})
