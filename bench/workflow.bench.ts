/**
 * Issue 3's figures, each beside a baseline measured in the same run:
 * (a) task moves per second through the API (transaction + event + audit,
 *     auth, validation, broadcast) against a bare `pg` transaction doing the
 *     same three writes;
 * (b) move-to-delivery latency to 200 connected SSE clients (Redis
 *     transport) against a bare Redis publish-to-subscriber round trip
 *     (the clients share one token: the per-token stream cap is lifted).
 */
import { adminToken, ensureBenchDatabase, report, startServer } from './support.js'
import { CONCURRENCY, ROUNDS, SECONDS, movesPerSecond } from './moves.js'
import { REDIS_URL, deliveryThroughSse, redisRoundTrip } from './delivery.js'

const SSE_CLIENTS = 200
const DELIVERY_SAMPLES = 200

export default async function run() {
  await ensureBenchDatabase()
  const server = await startServer(4801, { REDIS_URL, REALTIME_MAX_STREAMS: '0' })
  try {
    const token = await adminToken(server.url)
    const [api, bare] = await movesPerSecond(server.url, token)
    console.log(
      `(a) task moves per second, ${CONCURRENCY} concurrent writers, ${SECONDS} s each, in ${ROUNDS} alternating rounds`
    )
    report([
      ['API PATCH /api/tasks/:id', api.toFixed(0)],
      ['bare pg transaction (3 writes)', bare.toFixed(0)],
      ['ratio (aim >= 0.5)', (api / bare).toFixed(2)],
    ])

    const sse = await deliveryThroughSse([server.url], token, {
      clients: SSE_CLIENTS,
      samples: DELIVERY_SAMPLES,
    })
    const redis = await redisRoundTrip(DELIVERY_SAMPLES)
    console.log(
      `(b) move-to-delivery latency, ${SSE_CLIENTS} SSE clients, ${DELIVERY_SAMPLES} moves (ms)`
    )
    report([
      ['SSE p50 / p99 (aim p99 < 50)', `${sse.p50.toFixed(1)} / ${sse.p99.toFixed(1)}`],
      ['bare Redis round trip p50 / p99', `${redis.p50.toFixed(2)} / ${redis.p99.toFixed(2)}`],
      ['p99 ratio', (sse.p99 / redis.p99).toFixed(1)],
    ])
  } finally {
    await server.stop()
  }
}
