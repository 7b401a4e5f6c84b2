import { Redis } from 'ioredis'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

let client: Redis | null = null

/** 'disabled' without REDIS_URL; otherwise a PING with a short timeout. */
export async function redisHealth(): Promise<'ok' | 'down' | 'disabled'> {
  const url = env.get('REDIS_URL')
  if (!url) return 'disabled'
  if (!client) {
    client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => null,
    })
    /* an open connection keeps the process alive after the server (or test run) stops */
    app.terminating(() => closeRedisHealth())
  }
  try {
    if (client.status !== 'ready') {
      client.disconnect()
      await client.connect()
    }
    const pong = await Promise.race([
      client.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
    ])
    return pong === 'PONG' ? 'ok' : 'down'
  } catch {
    return 'down'
  }
}

export async function closeRedisHealth() {
  client?.disconnect()
  client = null
}
