import type { BaseKey, LiveEvent, LiveProvider } from '@refinedev/core'
import { realtime } from '../realtime/client'

/** What the server sends on `resources/<name>` (backend/services/realtime.ts). */
interface ResourceMessage {
  type: 'created' | 'updated' | 'deleted'
  ids: string[]
}

/* Bursts (an agent's heartbeats, a bulk seed) become one refetch. */
const COALESCE_MS = 250

interface Subscription {
  stop: () => void
  timer: ReturnType<typeof setTimeout> | null
}

/**
 * Refine's live provider over Transmit: `liveMode: "auto"` refetches a
 * screen's queries when its resource changes. A record screen (useOne,
 * useMany) only reacts to its own ids. After a reconnect, every screen
 * refetches once, since changes made meanwhile were not heard.
 */
export const liveProvider: LiveProvider = {
  subscribe({ channel, types, params, callback }) {
    const watched: BaseKey[] | undefined =
      params?.subscriptionType === 'useOne' && params.id !== undefined
        ? [params.id]
        : params?.subscriptionType === 'useMany'
          ? params.ids
          : undefined
    const watchedIds = watched ? new Set(watched.map(String)) : null

    let pending: { types: Set<string>; ids: Set<string> } | null = null
    const subscription: Subscription = { stop: () => undefined, timer: null }

    const flush = () => {
      subscription.timer = null
      if (!pending) return
      const { types: seen, ids } = pending
      pending = null
      const event: LiveEvent = {
        channel,
        type: seen.size === 1 ? [...seen][0] : '*',
        payload: { ids: [...ids] },
        date: new Date(),
      }
      callback(event)
    }

    const queue = (type: string, ids: string[]) => {
      pending ??= { types: new Set(), ids: new Set() }
      pending.types.add(type)
      for (const id of ids) pending.ids.add(id)
      subscription.timer ??= setTimeout(flush, COALESCE_MS)
    }

    subscription.stop = realtime.subscribe<ResourceMessage>(
      channel,
      (message) => {
        if (!message || typeof message.type !== 'string') return
        if (!types.includes('*') && !types.includes(message.type)) return
        const ids = Array.isArray(message.ids) ? message.ids.map(String) : []
        if (watchedIds && ids.length > 0 && !ids.some((id) => watchedIds.has(id))) return
        queue(message.type, ids)
      },
      ({ initial }) => {
        if (!initial) queue('*', [])
      }
    )
    return subscription
  },

  unsubscribe(subscription: Subscription) {
    if (subscription.timer) clearTimeout(subscription.timer)
    subscription.stop()
  },
}
