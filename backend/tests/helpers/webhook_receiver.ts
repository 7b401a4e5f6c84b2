import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { Webhook } from 'standardwebhooks'

export interface Received {
  headers: IncomingHttpHeaders
  body: string
  json: any
  at: number
}

/**
 * A real HTTP endpoint receiving webhooks on 127.0.0.1: it keeps every
 * request, answers with `answer()` (200 by default), and verifies
 * signatures with the `standardwebhooks` package, as a receiver would.
 */
export async function webhookReceiver() {
  const received: Received[] = []
  let answer: (
    request: Received,
    index: number
  ) => { status: number; body?: string; delayMs?: number } = () => ({
    status: 200,
    body: 'ok',
  })
  const waiters = new Set<() => void>()
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      let json: any = null
      try {
        json = JSON.parse(body)
      } catch {}
      const request = { headers: req.headers, body, json, at: Date.now() }
      received.push(request)
      const { status, body: text, delayMs } = answer(request, received.length - 1)
      const reply = () => {
        if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end(text ?? '')
      }
      if (delayMs) setTimeout(reply, delayMs)
      else reply()
      for (const wake of waiters) wake()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answerWith(next: typeof answer) {
      answer = next
    },
    /** Resolves once `count` requests matching `filter` arrived, or rejects after `ms`. */
    async waitFor(count: number, filter: (request: Received) => boolean = () => true, ms = 15_000) {
      const deadline = Date.now() + ms
      while (received.filter(filter).length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `${received.filter(filter).length} of ${count} webhooks arrived in ${ms} ms`
          )
        }
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake)
            resolve()
          }
          waiters.add(wake)
          setTimeout(wake, 100)
        })
      }
      return received.filter(filter)
    },
    verify(request: Received, secret: string) {
      return new Webhook(secret).verify(request.body, request.headers as Record<string, string>)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
