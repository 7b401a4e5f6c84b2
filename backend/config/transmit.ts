import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/transmit'
import { appTransport } from '#services/realtime_transport'

/*
| Realtime over Server-Sent Events. With REDIS_URL, every instance publishes
| its broadcasts (and subscriptions) on one Redis channel, so a client on
| instance A sees a change made through instance B; without it, in-process.
*/

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
    ? {
        driver: () => appTransport(redisUrl, realtimeChannel),
        channel: realtimeChannel,
      }
    : null,
})

export default transmitConfig
