/**
 * Issue 19 (b): move-to-delivery latency with REALTIME_BENCH_CLIENTS (1,000)
 * SSE clients spread over two instances that share Redis, beside the bare
 * Redis publish-to-subscriber round trip measured in the same run. The
 * moves are made on both instances in turn; every client must receive
 * every move (a missed envelope fails the bench). The clients are
 * delivery.ts's RawSseClient: a thousand browser clients in this process
 * would measure the bench's own parsing. The clients share one
 * token, so the per-token stream cap (REALTIME_MAX_STREAMS) is lifted.
 */
import { adminToken, ensureBenchDatabase, report, startServer } from './support.js'
import { REDIS_URL, deliveryThroughSse, redisRoundTrip } from './delivery.js'

const CLIENTS = Number(process.env.REALTIME_BENCH_CLIENTS || 1000)
const SAMPLES = Number(process.env.REALTIME_BENCH_SAMPLES || 100)
const SERVER_ENV = { REDIS_URL, REALTIME_MAX_STREAMS: '0' }

export default async function run() {
  await ensureBenchDatabase()
  // one after the other: the first start migrates the database
  const first = await startServer(4821, SERVER_ENV)
  const second = await startServer(4822, SERVER_ENV).catch(async (error) => {
    await first.stop()
    throw error
  })
  try {
    const token = await adminToken(first.url)
    const sse = await deliveryThroughSse([first.url, second.url], token, {
      clients: CLIENTS,
      samples: SAMPLES,
      raw: true,
    })
    const redis = await redisRoundTrip(SAMPLES)
    console.log(
      `(b) move-to-delivery latency, ${CLIENTS} SSE clients (raw readers) over 2 instances, ${SAMPLES} moves, ` +
        `${(CLIENTS * SAMPLES).toLocaleString('en')} deliveries, none missed (ms)`
    )
    report([
      ['SSE p50 / p99 (aim p99 < 100)', `${sse.p50.toFixed(1)} / ${sse.p99.toFixed(1)}`],
      ['bare Redis round trip p50 / p99', `${redis.p50.toFixed(2)} / ${redis.p99.toFixed(2)}`],
      ['p99 ratio', (sse.p99 / redis.p99).toFixed(1)],
    ])
  } finally {
    await first.stop()
    await second.stop()
  }
}
