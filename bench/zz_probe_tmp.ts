import autocannon from 'autocannon'
import { adminToken } from '/work/main/bench/support.ts'
const url = 'http://127.0.0.1:3486'
const tokens: string[] = []
for (let i = 0; i < 20; i++) tokens.push(await adminToken(url))
const q = 'status=contacted&niche=Dentists&_sort=created_at&_order=desc&_start=0&_end=25'
let i = 0
const r2 = await autocannon({
  url: `${url}/api/leads?${q}`,
  connections: 20,
  duration: 8,
  setupClient: (client: any) => {
    client.setHeaders({ authorization: `Bearer ${tokens[i++ % 20]}` })
  },
})
console.log(
  '20 tokens',
  Math.round(r2.requests.average),
  'req/s p50',
  r2.latency.p50,
  'p99',
  r2.latency.p99,
  'non2xx',
  r2.non2xx
)
