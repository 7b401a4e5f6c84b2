import { useEffect, useState } from 'react'
import { serverNow } from './server_clock'

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
  const days = Math.floor(hours / 24)
  return `${days} d ${hours % 24} h`
}

/** "45 s", "12 min", "3 h", "2 d": one unit, for "ago" labels. */
function roughDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`
  return `${Math.floor(seconds / 86_400)} d`
}

/** How far a past time may seem to lie ahead (the clock estimate is good to a second or two). */
const SKEW_TOLERANCE_S = 60

/**
 * "just now", "5 min ago", "in 3 h" (an expiry), measured on the server's
 * clock (lib/server_clock): a time the server just wrote never shows as
 * "in 12 s" however wrong the browser's clock is.
 */
export function timeAgo(iso: string | null | undefined, now = serverNow()): string {
  if (!iso) return 'never'
  const seconds = (now - new Date(iso).getTime()) / 1000
  if (seconds < 10 && seconds > -SKEW_TOLERANCE_S) return 'just now'
  return seconds >= 0 ? `${roughDuration(seconds)} ago` : `in ${roughDuration(-seconds)}`
}

/** "2026-11-26 05:22" in the viewer's time zone. */
export function formatDateTime(
  iso: string | null | undefined,
  { seconds = false }: { seconds?: boolean } = {}
): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${seconds ? `:${pad(date.getSeconds())}` : ''}`
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`
}

/** The first block of a UUID, for compact display. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—'
}

/** The current time on the server's clock, refreshed every `intervalMs`: for waiting times and "ago" labels. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => serverNow())
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
