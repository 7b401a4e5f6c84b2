import { test } from '@japa/runner'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  AgentClient,
  ApiError,
  NetworkError,
  DEFAULT_RETRY,
  backoffDelay,
  nextDelay,
  parseRetryAfter,
  type RetryNotice,
} from '#client/index'

type Reply = (request: IncomingMessage, response: ServerResponse, body: string) => void

/** A tiny local API that answers each request with the next scripted reply (the last one repeats). */
async function scriptedServer(replies: Reply[], port = 0) {
  const seen: { method: string; url: string; body: string; at: number }[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, body, at: Date.now() })
      replies[Math.min(seen.length - 1, replies.length - 1)](request, response, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    server,
    seen,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(JSON.stringify(body))
  }

const failure = (status: number, code: string) => ({
  errors: [{ message: `failure ${status}`, code }],
})

const TASK = { id: '6f1c0000-0000-4000-8000-000000000001', title: 'ok', column: 'backlog' }
const FAST = { baseDelayMs: 20, maxDelayMs: 200 }

test.group('Agent client: the retry policy', () => {
  test('backoff doubles per attempt within jitter, up to the ceiling', ({ assert }) => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 }
    assert.equal(
      backoffDelay(0, policy, () => 0),
      50
    )
    assert.equal(
      backoffDelay(0, policy, () => 1),
      100
    )
    assert.equal(
      backoffDelay(3, policy, () => 0),
      400
    )
    assert.equal(
      backoffDelay(3, policy, () => 1),
      800
    )
    assert.equal(
      backoffDelay(10, policy, () => 1),
      1000
    )
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(2, policy)))
    assert.isAbove(spread.size, 1, 'jitter spreads the waits')
  })

  test('Retry-After in seconds or as an HTTP date', ({ assert }) => {
    assert.equal(parseRetryAfter('2'), 2000)
    assert.equal(parseRetryAfter('0.5'), 500)
    assert.isNull(parseRetryAfter(null))
    assert.isNull(parseRetryAfter('soon'))
    const now = Date.parse('2026-03-01T10:00:00Z')
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 10:00:03 GMT', now), 3000)
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now), 0)
  })

  test('gives up when out of retries, out of time, or told to wait too long', ({ assert }) => {
    const policy = { ...DEFAULT_RETRY, retries: 3, maxRetryAfterMs: 5000, maxElapsedMs: 10_000 }
    assert.isNumber(nextDelay(policy, 2, 0, null))
    assert.isNull(nextDelay(policy, 3, 0, null))
    assert.isNull(nextDelay(policy, 0, 0, 6000))
    assert.isAtLeast(nextDelay(policy, 0, 0, 4000)!, 4000)
    assert.isNull(nextDelay(policy, 0, 9000, 4000))
  })
})

test.group('Agent client: 429, 503 and a server that is down', () => {
  test('429 with Retry-After, then 503, then the answer', async ({ assert }) => {
    const api = await scriptedServer([
      json(429, failure(429, 'E_TOO_MANY_REQUESTS'), { 'retry-after': '1' }),
      json(503, failure(503, 'E_UNAVAILABLE')),
      json(201, TASK),
    ])
    const retries: RetryNotice[] = []
    const client = new AgentClient({ baseUrl: api.url, token: 'mca_test', retry: FAST })
    client.on('retry', (notice) => retries.push(notice))
    try {
      const task = await client.tasks.create({ title: 'ok' })
      assert.equal(task.id, TASK.id)
      assert.lengthOf(api.seen, 3)
      assert.isAtLeast(api.seen[1].at - api.seen[0].at, 1000, 'Retry-After was honored')
      assert.deepEqual(
        retries.map((r) => r.reason),
        ['429', '503']
      )
      assert.equal(api.seen[2].body, JSON.stringify({ title: 'ok' }))
    } finally {
      client.close()
      await api.close()
    }
  })

  test('a 503 that lasts: bounded retries, then the ApiError with the errors array', async ({
    assert,
  }) => {
    const api = await scriptedServer([json(503, failure(503, 'E_UNAVAILABLE'))])
    const client = new AgentClient({
      baseUrl: api.url,
      token: 'mca_test',
      retry: { ...FAST, retries: 3 },
    })
    try {
      const error = await client.tasks.list().catch((e) => e)
      assert.instanceOf(error, ApiError)
      assert.equal(error.status, 503)
      assert.equal(error.code, 'E_UNAVAILABLE')
      assert.deepEqual(error.errors, failure(503, 'E_UNAVAILABLE').errors)
      assert.lengthOf(api.seen, 4, 'the first attempt and 3 retries')
    } finally {
      client.close()
      await api.close()
    }
  })

  test('a Retry-After beyond the limit is not waited for', async ({ assert }) => {
    const api = await scriptedServer([
      json(429, failure(429, 'E_TOO_MANY_REQUESTS'), { 'retry-after': '900' }),
    ])
    const client = new AgentClient({ baseUrl: api.url, token: 'mca_test', retry: FAST })
    try {
      const started = Date.now()
      const error = await client.tasks.list().catch((e) => e)
      assert.instanceOf(error, ApiError)
      assert.equal(error.status, 429)
      assert.isBelow(Date.now() - started, 1000)
      assert.lengthOf(api.seen, 1)
    } finally {
      client.close()
      await api.close()
    }
  })

  test('other 4xx throw at once with the contract errors; a duplicate lead answers its id', async ({
    assert,
  }) => {
    const existing = '6f1c0000-0000-4000-8000-0000000000e2'
    const api = await scriptedServer([
      json(422, {
        errors: [{ message: 'The title field must be defined', field: 'title', rule: 'required' }],
      }),
      json(409, {
        errors: [
          {
            message: `A lead with this website already exists: ${existing} (Bright Smile Dental)`,
            code: 'E_DUPLICATE_LEAD',
            field: 'website',
            existing_id: existing,
          },
        ],
      }),
    ])
    const client = new AgentClient({ baseUrl: api.url, token: 'mca_test', retry: FAST })
    try {
      const error = await client.tasks.create({ title: '' }).catch((e) => e)
      assert.instanceOf(error, ApiError)
      assert.equal(error.status, 422)
      assert.deepEqual(error.forField('title')[0].rule, 'required')
      assert.lengthOf(api.seen, 1)

      const lead = await client.leads.create({
        business_name: 'Bright Smile Dental',
        niche: 'Dentists',
        region: 'Austin, TX',
        website: 'brightsmile.com',
      })
      assert.deepEqual(lead, {
        created: false,
        id: existing,
        duplicate: {
          field: 'website',
          message: `A lead with this website already exists: ${existing} (Bright Smile Dental)`,
        },
      })
      assert.lengthOf(api.seen, 2)
    } finally {
      client.close()
      await api.close()
    }
  })

  test('a server that is down for a moment (ECONNREFUSED), then up', async ({ assert }) => {
    /* find a free port, then leave it closed */
    const probe = await scriptedServer([json(200, {})])
    const port = probe.port
    await probe.close()

    const client = new AgentClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: 'mca_test',
      retry: { baseDelayMs: 100, maxDelayMs: 400 },
    })
    const retries: RetryNotice[] = []
    client.on('retry', (notice) => retries.push(notice))
    let api: Awaited<ReturnType<typeof scriptedServer>> | null = null
    try {
      const pending = client.tasks.create({ title: 'ok' })
      await new Promise((resolve) => setTimeout(resolve, 700))
      api = await scriptedServer([json(201, TASK)], port)
      const task = await pending
      assert.equal(task.id, TASK.id)
      assert.lengthOf(api.seen, 1, 'sent once the server was up, and once only')
      assert.isAbove(retries.length, 0)
      assert.isTrue(retries.every((r) => r.reason === 'ECONNREFUSED'))
    } finally {
      client.close()
      await api?.close()
    }
  })

  test('a server that never comes back: bounded, then a NetworkError', async ({ assert }) => {
    const probe = await scriptedServer([json(200, {})])
    await probe.close()
    const client = new AgentClient({
      baseUrl: probe.url,
      token: 'mca_test',
      retry: { baseDelayMs: 10, maxDelayMs: 40, retries: 4 },
    })
    const error = await client.tasks.list().catch((e) => e)
    assert.instanceOf(error, NetworkError)
    assert.equal(error.code, 'ECONNREFUSED')
    client.close()
  })

  test('a write whose connection breaks after it was sent is not repeated', async ({ assert }) => {
    const api = await scriptedServer([(request) => request.socket.destroy()])
    const client = new AgentClient({ baseUrl: api.url, token: 'mca_test', retry: FAST })
    try {
      const error = await client.tasks.create({ title: 'maybe written' }).catch((e) => e)
      assert.instanceOf(error, NetworkError)
      assert.lengthOf(api.seen, 1)

      /* a read is repeated */
      await client.tasks.list().catch(() => {})
      assert.isAbove(api.seen.length, 2)
    } finally {
      client.close()
      await api.close()
    }
  })

  test('the signal stops a retry wait at once', async ({ assert }) => {
    const api = await scriptedServer([
      json(503, failure(503, 'E_UNAVAILABLE'), { 'retry-after': '30' }),
    ])
    const controller = new AbortController()
    const client = new AgentClient({
      baseUrl: api.url,
      token: 'mca_test',
      signal: controller.signal,
    })
    try {
      const pending = client.tasks.list().catch((e) => e)
      await new Promise((resolve) => setTimeout(resolve, 200))
      const started = Date.now()
      controller.abort()
      const error = await pending
      assert.equal(error.name, 'AbortError')
      assert.isBelow(Date.now() - started, 100)
      assert.isTrue(client.closed)
    } finally {
      await api.close()
    }
  })
})

test.group('Agent client: its types follow the server', () => {
  test('task columns, lead statuses and draft channels are the server enums', async ({
    assert,
  }) => {
    const client = await import('#client/index')
    const { TASK_COLUMNS } = await import('#enums/task')
    const { LEAD_STATUSES } = await import('../../../../plugins/leads/enums.js')
    const { DRAFT_CHANNELS } = await import('../../../../plugins/drafts/enums.js')
    assert.deepEqual([...client.TASK_COLUMNS], TASK_COLUMNS)
    assert.deepEqual([...client.LEAD_STATUSES], LEAD_STATUSES)
    assert.deepEqual([...client.DRAFT_CHANNELS], DRAFT_CHANNELS)
  })
})
