import { defineConfig, stores } from '@adonisjs/limiter'

/*
| Counters live in PostgreSQL so that every API instance shares them (failed
| logins; agents' rate limits without REDIS_URL). With REDIS_URL, agents'
| rate limits count in Redis instead (services/agent_rate_limits.ts): one
| round trip, no database write per request. The Redis store connects only
| when it is used.
*/
const limiterConfig = defineConfig({
  default: 'database',
  stores: {
    database: stores.database({ tableName: 'rate_limits', clearExpiredByTimeout: true }),
    redis: stores.redis({
      connectionName: 'limiter',
      keyPrefix: 'mission_control.limits',
      /* refused at once while Redis is unreachable (the caller falls back), never queued */
      rejectIfRedisNotReady: true,
    }),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
