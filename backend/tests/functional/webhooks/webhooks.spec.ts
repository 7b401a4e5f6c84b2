import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { needs } from '#tests/helpers/plugins'
import { webhookReceiver } from '#tests/helpers/webhook_receiver'
import { exited, freePort, startInstance } from '#tests/helpers/instances'
import { webhookSettings } from '#services/webhook_targets'
import { deliverySettings, webhookSender } from '#services/webhook_delivery'
import { recordChanges, SYSTEM } from '#services/change_recorder'

type Receiver = Awaited<ReturnType<typeof webhookReceiver>>

async function subscribe(actors: Actors, body: Record<string, unknown>) {
  const answer = await call(actors.tokens.admin, 'POST', '/api/webhooks', body)
  if (answer.status !== 201) throw new Error(`not subscribed: ${JSON.stringify(answer.body)}`)
  return answer.body as { id: string; secret: string; url: string }
}

async function deliveriesOf(subscriptionId: string) {
  return db.from('webhook_deliveries').where('subscription_id', subscriptionId).orderBy('id')
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 15_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test.group('Webhooks: signed, from an outbox, at least once', (group) => {
  let actors: Actors
  let receiver: Receiver
  const saved = { ...deliverySettings }

  group.setup(async () => {
    actors = await makeActors()
    // the receivers of these tests are on 127.0.0.1: allowed explicitly, as an operator would
    webhookSettings.allowPrivateTargets = true
    deliverySettings.pollMs = 100
    deliverySettings.retrySeconds = [0.2, 0.2, 0.2, 0.2]
    receiver = await webhookReceiver()
    webhookSender.start()
    return async () => {
      await webhookSender.stop()
      Object.assign(deliverySettings, saved)
      webhookSettings.allowPrivateTargets = false
      await db.from('webhook_subscriptions').delete()
      await receiver.close()
    }
  })
  group.each.setup(() => {
    receiver.answerWith(() => ({ status: 200, body: 'ok' }))
    receiver.received.length = 0
    return async () => {
      await db.from('webhook_subscriptions').delete()
    }
  })

  test('a recorded change reaches the receiver, signed as Standard Webhooks says', async ({
    assert,
  }) => {
    const subscription = await subscribe(actors, {
      url: receiver.url,
      event_types: ['task.*'],
      description: 'Board changes',
    })
    assert.match(subscription.secret, /^whsec_/)
    const task = await call(actors.tokens.operator, 'POST', '/api/tasks', { title: 'Hooked' })
    const [request] = await receiver.waitFor(1, (r) => r.json?.data?.entityId === task.body.id)

    const verified = receiver.verify(request, subscription.secret) as any
    assert.equal(verified.type, 'task.created')
    assert.equal(verified.data.entityId, task.body.id)
    assert.equal(verified.data.actor.id, actors.users.operator.id)
    assert.isNumber(verified.data.seq)
    assert.match(String(request.headers['webhook-id']), /^msg_\d+$/)
    assert.throws(() =>
      receiver.verify(request, `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}`)
    )

    // other types and resources are filtered out
    await call(actors.tokens.admin, 'POST', '/api/system/pause', { reason: 'filter check' })
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
    const rows = await deliveriesOf(subscription.id)
    assert.isTrue(rows.every((row) => row.event_type.startsWith('task.')))

    const delivered = await until(async () => {
      const [row] = await db.from('webhook_deliveries').where('subscription_id', subscription.id)
      return row?.status === 'delivered' ? row : null
    })
    assert.equal(delivered.last_status, 200)
    assert.equal(delivered.attempts, 1)
  })

  test('a rolled-back change queues and sends nothing', async ({ assert }) => {
    const subscription = await subscribe(actors, { url: receiver.url, event_types: ['*'] })
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Rolled back' })
    await receiver.waitFor(1, (r) => r.json?.data?.entityId === task.body.id)
    const before = (await deliveriesOf(subscription.id)).length

    await assert.rejects(() =>
      recordChanges(SYSTEM, async (_trx, recorder) => {
        await recorder.record({
          action: 'task.updated',
          resourceType: 'tasks',
          resourceId: task.body.id,
          taskId: task.body.id,
          payload: { marker: 'rolled-back' },
        })
        throw new Error('the domain write failed after the event was written')
      })
    )
    assert.lengthOf(await deliveriesOf(subscription.id), before)
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.isFalse(receiver.received.some((r) => r.body.includes('rolled-back')))
  })

  test('a receiver that fails three times gets the delivery on the fourth try, same webhook-id', async ({
    assert,
  }) => {
    receiver.answerWith((_request, index) =>
      index < 3 ? { status: 503, body: `busy ${index + 1}` } : { status: 204 }
    )
    const subscription = await subscribe(actors, {
      url: receiver.url,
      event_types: ['task.created'],
    })
    await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Retried' })
    const requests = await receiver.waitFor(4)
    assert.lengthOf(new Set(requests.map((r) => r.headers['webhook-id'])), 1)
    const row = await until(async () => {
      const [found] = await deliveriesOf(subscription.id)
      return found?.status === 'delivered' ? found : null
    })
    assert.equal(row.attempts, 4)
    assert.equal(row.last_status, 204)
    // retried after the schedule's waits, not at once
    assert.isAtLeast(requests[3].at - requests[0].at, 3 * 150)
  })

  test('failures are kept with status and answer; an admin redelivers', async ({ assert }) => {
    receiver.answerWith(() => ({ status: 500, body: 'boom: database locked' }))
    const subscription = await subscribe(actors, {
      url: receiver.url,
      event_types: ['task.created'],
    })
    await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Failing' })
    const failed = await until(async () => {
      const [found] = await deliveriesOf(subscription.id)
      return found?.status === 'failed' ? found : null
    })
    assert.equal(failed.attempts, deliverySettings.retrySeconds.length + 1)
    assert.equal(failed.last_status, 500)
    assert.equal(failed.last_response, 'boom: database locked')
    assert.include(failed.last_error, '500')

    const listed = await call(
      actors.tokens.admin,
      'GET',
      `/api/webhooks/${subscription.id}/deliveries?status=failed`
    )
    assert.equal(listed.status, 200)
    assert.equal(listed.body[0].last_response, 'boom: database locked')
    const shown = await call(actors.tokens.admin, 'GET', `/api/webhooks/${subscription.id}`)
    assert.deepEqual(shown.body.deliveries, { pending: 0, delivered: 0, failed: 1 })

    receiver.answerWith(() => ({ status: 200, body: 'fixed' }))
    const redelivered = await call(
      actors.tokens.admin,
      'POST',
      `/api/webhooks/${subscription.id}/deliveries/${failed.id}/redeliver`
    )
    assert.equal(redelivered.status, 202)
    const done = await until(async () => {
      const [found] = await deliveriesOf(subscription.id)
      return found?.status === 'delivered' ? found : null
    })
    assert.equal(done.last_response, 'fixed')
    const audit = await db
      .from('audit_log')
      .where({ action: 'webhook.redelivered', resource_id: subscription.id })
    assert.lengthOf(audit, 1)

    const again = await call(
      actors.tokens.admin,
      'POST',
      `/api/webhooks/${subscription.id}/deliveries/999999999/redeliver`
    )
    assert.equal(again.status, 404)
  })

  test('a receiver that streams an endless answer holds its slot for the timeout, no longer', async ({
    assert,
  }) => {
    const { createServer } = await import('node:http')
    const endless = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      // a byte now and then, forever: never idle, never finished
      const timer = setInterval(() => res.write('.'), 50)
      res.on('close', () => clearInterval(timer))
    })
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve))
    const { port } = endless.address() as { port: number }
    const timeout = deliverySettings.timeoutSeconds
    deliverySettings.timeoutSeconds = 1
    try {
      const subscription = await subscribe(actors, {
        url: `http://127.0.0.1:${port}/hook`,
        event_types: ['task.created'],
      })
      await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Endless answer' })
      const row = await until(async () => {
        const [found] = await deliveriesOf(subscription.id)
        return found?.last_error ? found : null
      }, 5_000)
      assert.include(row.last_error, 'No complete answer within 1 s')
      assert.isAtMost(row.last_duration_ms, 2_000)
    } finally {
      deliverySettings.timeoutSeconds = timeout
      endless.closeAllConnections()
      endless.close()
    }
  })

  test('a test send reaches the URL through the same outbox', async ({ assert }) => {
    const subscription = await subscribe(actors, { url: receiver.url, event_types: ['draft.*'] })
    const sent = await call(actors.tokens.admin, 'POST', `/api/webhooks/${subscription.id}/test`)
    assert.equal(sent.status, 202)
    const [request] = await receiver.waitFor(1, (r) => r.json?.type === 'webhook.test')
    const verified = receiver.verify(request, subscription.secret) as any
    assert.equal(verified.data.subscription_id, subscription.id)
  })

  test('private and loopback targets are refused unless the operator allows them', async ({
    assert,
  }) => {
    webhookSettings.allowPrivateTargets = false
    try {
      for (const url of [
        receiver.url,
        'http://localhost:8080/hook',
        'http://10.1.2.3/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'ftp://example.com/hook',
        'http://user:pass@93.184.216.34/hook',
      ]) {
        const refused = await call(actors.tokens.admin, 'POST', '/api/webhooks', {
          url,
          event_types: ['*'],
        })
        assert.equal(refused.status, 422, url)
        assert.equal(refused.body.errors[0].field, 'url', url)
      }
      assert.lengthOf(await db.from('webhook_subscriptions'), 0)
      const public_ = await call(actors.tokens.admin, 'POST', '/api/webhooks', {
        url: 'http://93.184.216.34/hook',
        event_types: ['*'],
        enabled: false,
      })
      assert.equal(public_.status, 201)
    } finally {
      webhookSettings.allowPrivateTargets = true
    }

    // a name that resolves to a private address when sent is refused at the socket (rebinding)
    const named = await subscribe(actors, {
      url: receiver.url.replace('127.0.0.1', 'localhost'),
      event_types: ['task.created'],
    })
    webhookSettings.allowPrivateTargets = false
    try {
      await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'To localhost' })
      const row = await until(async () => {
        const [found] = await deliveriesOf(named.id)
        return found?.last_error ? found : null
      })
      assert.include(row.last_error, 'private address')
      assert.isNull(row.last_status)
    } finally {
      webhookSettings.allowPrivateTargets = true
    }
    assert.lengthOf(
      receiver.received.filter((r) => r.json?.type === 'task.created'),
      0
    )
  })

  test('only admins manage webhooks; the secret is in no audit row and no event', async ({
    assert,
  }) => {
    const subscription = await subscribe(actors, { url: receiver.url, event_types: ['*'] })
    for (const who of ['operator', 'closer', 'viewer', 'agent', 'anonymous'] as const) {
      const token = actors.tokens[who]
      const expected = who === 'anonymous' ? 401 : 403
      const listed = await call(token, 'GET', '/api/webhooks')
      assert.equal(listed.status, expected, who)
      const created = await call(token, 'POST', '/api/webhooks', {
        url: receiver.url,
        event_types: ['*'],
      })
      assert.equal(created.status, expected, who)
      const changed = await call(token, 'PATCH', `/api/webhooks/${subscription.id}`, {
        url: 'http://127.0.0.1:1/elsewhere',
      })
      assert.equal(changed.status, expected, who)
      const tested = await call(token, 'POST', `/api/webhooks/${subscription.id}/test`)
      assert.equal(tested.status, expected, who)
      const deliveries = await call(token, 'GET', `/api/webhooks/${subscription.id}/deliveries`)
      assert.equal(deliveries.status, expected, who)
    }
    assert.lengthOf(await db.from('webhook_subscriptions'), 1)

    const rotated = await call(actors.tokens.admin, 'PATCH', `/api/webhooks/${subscription.id}`, {
      rotate_secret: true,
    })
    assert.equal(rotated.status, 200)
    assert.notEqual(rotated.body.secret, subscription.secret)
    const audit = await db.from('audit_log').where('resource_id', subscription.id)
    const events = await db.from('task_events').whereRaw(`payload->>'id' = ?`, [subscription.id])
    const written = JSON.stringify([audit, events])
    assert.notInclude(written, subscription.secret)
    assert.notInclude(written, rotated.body.secret)

    const invalid = await call(actors.tokens.admin, 'POST', '/api/webhooks', {
      url: receiver.url,
      event_types: ['Task Created'],
    })
    assert.equal(invalid.status, 422)
    const deleted = await call(actors.tokens.admin, 'DELETE', `/api/webhooks/${subscription.id}`)
    assert.equal(deleted.status, 204)
    assert.lengthOf(await deliveriesOf(subscription.id), 0)
  })

  needs(
    test('feedback on a draft reaches its author’s subscription and no other agent’s', async ({
      assert,
    }) => {
      const writer = await makeAgent('copywriter')
      const other = await makeAgent('copywriter')
      const token = (await Agent.accessTokens.create(writer)).value!.release()
      const mine = await subscribe(actors, {
        url: receiver.url,
        event_types: ['draft.feedback'],
        agent_id: writer.id,
      })
      const theirs = await subscribe(actors, {
        url: `${receiver.url}/other`,
        event_types: ['draft.feedback'],
        agent_id: other.id,
      })
      const draft = await call(token, 'POST', '/api/drafts', {
        channel: 'email',
        draft_type: 'cold_intro',
        content: 'Hello there',
      })
      await call(token, 'POST', `/api/drafts/${draft.body.id}/submit`)
      const decided = await call(
        actors.tokens.admin,
        'POST',
        `/api/drafts/${draft.body.id}/decision`,
        {
          action: 'request_changes',
          version: 1,
          notes: 'Say who you are',
        }
      )
      assert.equal(decided.status, 200)
      const [request] = await receiver.waitFor(1, (r) => r.json?.type === 'draft.feedback')
      const verified = receiver.verify(request, mine.secret) as any
      assert.deepInclude(verified.data, {
        draft_id: draft.body.id,
        action: 'request_changes',
        notes: 'Say who you are',
      })
      assert.lengthOf(await deliveriesOf(theirs.id), 0)
    }),
    'drafts'
  )
})

test.group('Webhooks: several instances', (group) => {
  let actors: Actors
  let receiver: Receiver
  group.setup(async () => {
    actors = await makeActors()
    webhookSettings.allowPrivateTargets = true
    receiver = await webhookReceiver()
    return async () => {
      webhookSettings.allowPrivateTargets = false
      await db.from('webhook_subscriptions').delete()
      await receiver.close()
    }
  })

  test('two instances deliver each event once; a killed sender’s deliveries are sent after restart', async ({
    assert,
  }) => {
    const env = {
      START_WEBHOOK_SENDER: 'true',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_TIMEOUT_SECONDS: '2',
    }
    const ports = [await freePort(), await freePort()]
    const started = Date.now()
    const stage = (what: string) => console.log(`    ${what} after ${Date.now() - started} ms`)
    const instances = await Promise.all(ports.map((port) => startInstance(port, env)))
    stage('two instances up')
    try {
      const subscription = await subscribe(actors, {
        url: receiver.url,
        event_types: ['task.created'],
      })
      const count = 60
      for (let i = 0; i < count; i++) {
        await call(actors.tokens.admin, 'POST', '/api/tasks', { title: `Twice? ${i}` })
      }
      const requests = await receiver.waitFor(count, () => true, 30_000)
      stage(`${count} delivered`)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const ids = receiver.received.map((r) => r.headers['webhook-id'])
      assert.lengthOf(ids, count, 'no event was sent twice')
      assert.lengthOf(new Set(ids), count)
      assert.isAtLeast(requests.length, count)
      const rows = await deliveriesOf(subscription.id)
      assert.isTrue(rows.every((row) => row.status === 'delivered' && row.attempts === 1))

      // kill -9 while deliveries are in flight (the receiver holds its answers): after a restart,
      // once their lease has run out, they are sent again (at least once)
      receiver.received.length = 0
      receiver.answerWith(() => ({ status: 200, delayMs: 10_000 }))
      const stranded = 5
      for (let i = 0; i < stranded; i++) {
        await call(actors.tokens.admin, 'POST', '/api/tasks', { title: `In flight ${i}` })
      }
      await receiver.waitFor(stranded, () => true, 30_000)
      stage(`${stranded} in flight`)
      for (const { child } of instances) {
        child.kill('SIGKILL')
        await exited(child)
      }
      const leftBehind = await db
        .from('webhook_deliveries')
        .where({ subscription_id: subscription.id, status: 'pending' })
      assert.lengthOf(leftBehind, stranded, 'the outbox keeps what was in flight')
      assert.isTrue(leftBehind.every((row) => row.lease !== null))

      receiver.answerWith(() => ({ status: 200 }))
      const restarted = await startInstance(await freePort(), env)
      instances.push(restarted)
      stage('restarted')
      await receiver.waitFor(stranded * 2, () => true, 30_000)
      stage('sent again')
      const resent = await until(async () => {
        const left = await db
          .from('webhook_deliveries')
          .where({ subscription_id: subscription.id })
          .whereNot('status', 'delivered')
        return left.length === 0
      }, 30_000)
      assert.isTrue(resent)
      const resentIds = receiver.received.map((r) => r.headers['webhook-id'])
      assert.lengthOf(
        new Set(resentIds),
        stranded,
        'the same webhook-id each time: receivers deduplicate'
      )
    } finally {
      for (const { child } of instances) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM')
          await exited(child)
        }
      }
    }
  }).timeout(240_000)
})
