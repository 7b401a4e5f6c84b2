import axios, { type AxiosError, type InternalAxiosRequestConfig } from 'axios'
import type { HttpError } from '@refinedev/core'
import { installEarlyRequests } from '../lib/early_requests'
import { recordServerDate } from '../lib/server_clock'

/** Every API path is under /api on the same origin (the dev server proxies it). */
export const API_URL = '/api'

/** One item of the API's error answer: {"errors":[{message, field?, rule?, code?}]}. */
export interface ApiErrorItem {
  message: string
  field?: string
  rule?: string
  code?: string
}

/** Refine's HttpError, plus the API's error code. */
export interface ApiHttpError extends HttpError {
  code?: string
}

const MUTATING = new Set(['post', 'put', 'patch', 'delete'])

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`
  for (const part of document.cookie.split(';')) {
    const cookie = part.trim()
    if (cookie.startsWith(prefix)) {
      const raw = cookie.slice(prefix.length)
      try {
        return decodeURIComponent(raw)
      } catch {
        return raw
      }
    }
  }
  return undefined
}

export const http = axios.create({
  withCredentials: true,
  headers: { Accept: 'application/json' },
  // We set X-XSRF-TOKEN ourselves (below), only on mutations.
  xsrfCookieName: '',
})

installEarlyRequests(http)

/* Each answer's Date header keeps the server's clock (lib/server_clock) */
type Timed = InternalAxiosRequestConfig & { _sentAt?: number }
http.interceptors.request.use((config: Timed) => {
  config._sentAt = Date.now()
  return config
})
http.interceptors.response.use((response) => {
  const sentAt = (response.config as Timed)._sentAt
  if (sentAt) recordServerDate(response.headers['date'], sentAt, Date.now())
  return response
})

/** AdonisJS shield: cookie-authenticated mutations echo the XSRF-TOKEN cookie. */
http.interceptors.request.use((config) => {
  if (MUTATING.has((config.method ?? 'get').toLowerCase())) {
    const token = readCookie('XSRF-TOKEN')
    if (token) config.headers.set('X-XSRF-TOKEN', token)
  }
  return config
})

/** Turns any failure into Refine's HttpError; 422 field errors feed the forms. */
export function toHttpError(error: unknown): ApiHttpError {
  const axiosError = error as AxiosError<{ errors?: ApiErrorItem[] }>
  const status = axiosError.response?.status ?? 0
  const body = axiosError.response?.data
  const items = Array.isArray(body?.errors) ? body.errors : []
  const message =
    items[0]?.message ??
    (status
      ? `The server answered ${status}`
      : 'The server cannot be reached. Check your connection.')
  const result: ApiHttpError = { message, statusCode: status, code: items[0]?.code }
  if (status === 422) {
    const errors: Record<string, string[]> = {}
    for (const item of items) {
      if (item.field) (errors[item.field] ??= []).push(item.message)
    }
    result.errors = errors
  }
  return result
}

type RetriableConfig = InternalAxiosRequestConfig & { _csrfRetried?: boolean }

http.interceptors.response.use(
  undefined,
  async (error: AxiosError<{ errors?: ApiErrorItem[] }>) => {
    const config = error.config as RetriableConfig | undefined
    const code = error.response?.data?.errors?.[0]?.code
    // An expired or missing CSRF token: fetch a fresh cookie once and retry.
    if (
      config &&
      !config._csrfRetried &&
      error.response?.status === 403 &&
      code === 'E_BAD_CSRF_TOKEN'
    ) {
      config._csrfRetried = true
      await http.get(`${API_URL}/health`, { validateStatus: () => true }).catch(() => undefined)
      return http.request(config)
    }
    return Promise.reject(toHttpError(error))
  }
)
