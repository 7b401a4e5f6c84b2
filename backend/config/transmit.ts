import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports'
import type { RedisOptions } from 'ioredis'

/*
| Realtime over Server-Sent Events. With REDIS_URL, every instance publishes
| its broadcasts (and subscriptions) on one Redis channel, so a client on
| instance A sees a change made through instance B; without it, in-process.
*/

/** ioredis options from a redis:// or rediss:// URL. */
export function redisOptionsFromUrl(value: string): RedisOptions {
  const url = new URL(value)
  const db = url.pathname.replace(/^\//, '')
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: db ? Number(db) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    /*
    | Commands wait for Redis to come back instead of failing: the transport
    | throws (uncaught) when its SUBSCRIBE fails, which would crash the API.
    */
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  }
}

/*
| Instances that share a database must share this channel. Test runs get
| their own (the pid), so parallel runs on one machine never cross-talk.
*/
export const realtimeChannel =
  env.get('REALTIME_CHANNEL') ||
  (app.inTest ? `mission_control.realtime.test.${process.pid}` : 'mission_control.realtime')

const redisUrl = env.get('REDIS_URL')

const transmitConfig = defineConfig({
  /* A ping frame well under common proxy idle timeouts (nginx: 60 s). */
  pingInterval: '25s',
  transport: redisUrl
    ? { driver: redis(redisOptionsFromUrl(redisUrl)), channel: realtimeChannel }
    : null,
})

export default transmitConfig
