import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'
import type { RedisOptions } from 'ioredis'

/*
| @adonisjs/redis, for @adonisjs/limiter's Redis store: the agents' rate
| limits (services/agent_rate_limits.ts) when REDIS_URL is set. Realtime has
| its own connections (services/realtime_transport.ts). Without REDIS_URL
| nothing here ever connects.
*/

/** redis://[user:password@]host[:port][/db], or rediss:// for TLS, as ioredis options. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url)
  const db = parsed.pathname.replace(/^\//, '')
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  }
}

const redisConfig = defineConfig({
  connection: 'limiter',
  connections: {
    limiter: {
      ...redisOptionsFromUrl(env.get('REDIS_URL') || 'redis://127.0.0.1:6379'),
      /*
      | A request must never wait on a Redis that is down: the limiter sends
      | nothing unless the connection is ready (rejectIfRedisNotReady in
      | config/limiter.ts), a command fails at the first lost connection
      | instead of being retried, and a Redis that stops answering fails it
      | after a second. Reconnects keep trying, at most every 2 s.
      */
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
      connectTimeout: 2000,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
