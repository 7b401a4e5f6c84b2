import type { AuthProvider } from '@refinedev/core'
import { API_URL, http, type ApiHttpError } from './http'
import { realtime } from '../realtime/client'
import { forgetEarlyRequests } from '../lib/early_requests'
import { setServerPlugins } from '../registry'
import type { components } from '#client/api_types'

/** GET /api/auth/me for a person: their role, what the role table lets them do, the plugins the server runs. */
export type Me = Extract<components['schemas']['Me'], { type: 'user' }>

export type Role = Me['role']

const ME_TTL_MS = 10_000
let meCache: { at: number; promise: Promise<Me | null>; answer?: Me | null } | null = null

/** Who is logged in (null when nobody), cached a few seconds: every `can` check reads it. */
export function fetchMe(force = false): Promise<Me | null> {
  if (!force && meCache && Date.now() - meCache.at < ME_TTL_MS) return meCache.promise
  const promise = http
    .get<Me>(`${API_URL}/auth/me`)
    .then((response) => {
      setServerPlugins(response.data.plugins)
      return response.data
    })
    .catch((error: ApiHttpError) => {
      if (error.statusCode === 401) return null
      throw error
    })
  const entry: NonNullable<typeof meCache> = { at: Date.now(), promise }
  meCache = entry
  promise.then(
    (me) => (entry.answer = me),
    () => {
      if (meCache === entry) meCache = null
    }
  )
  return promise
}

/**
 * The person signed in, when the server said so within the last few seconds
 * and its answer is here (`undefined` otherwise: ask fetchMe). Lets the shell
 * draw a signed-in page in its first pass instead of after a round of checks;
 * the server decides anyway.
 */
export function peekMe(): Me | undefined {
  if (!meCache || Date.now() - meCache.at >= ME_TTL_MS) return undefined
  return meCache.answer ?? undefined
}

export function forgetMe() {
  meCache = null
  forgetEarlyRequests()
}

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    try {
      // Any GET sets the XSRF-TOKEN cookie the login POST must echo.
      await http.get(`${API_URL}/health`, { validateStatus: () => true })
      await http.post(`${API_URL}/auth/login`, { email, password })
      forgetMe()
      return { success: true, redirectTo: '/' }
    } catch (error) {
      const e = error as ApiHttpError
      return {
        success: false,
        error: { name: 'Login failed', message: e.message, statusCode: e.statusCode },
      }
    }
  },

  async logout() {
    realtime.stop()
    await http.post(`${API_URL}/auth/logout`).catch(() => undefined)
    forgetMe()
    return { success: true, redirectTo: '/login' }
  },

  async check() {
    try {
      const me = await fetchMe()
      if (me) return { authenticated: true }
      return { authenticated: false, logout: true, redirectTo: '/login' }
    } catch (error) {
      return { authenticated: false, redirectTo: '/login', error: error as ApiHttpError }
    }
  },

  async getIdentity() {
    const me = await fetchMe().catch(() => null)
    return me ? { ...me, name: me.email } : null
  },

  async getPermissions() {
    const me = await fetchMe().catch(() => null)
    return me?.permissions ?? []
  },

  async onError(error: ApiHttpError) {
    if (error?.statusCode === 401) {
      forgetMe()
      realtime.stop()
      return { logout: true, redirectTo: '/login', error }
    }
    return {}
  },
}
