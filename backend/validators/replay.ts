/**
 * Query strings of /api/replay/*. Checked by hand rather than with VineJS
 * because unknown parameters must be refused (422), as list queries do.
 */
import { DateTime } from 'luxon'
import { ApiException } from '#exceptions/api_exception'
import type { TimelineSubject } from '#plugin_host/define_plugin'
import { taskLinks } from '#plugin_host/task_links'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function invalid(message: string, field?: string) {
  return new ApiException(422, message, { field, code: 'E_INVALID_QUERY' })
}

/** The one value of a parameter, or undefined when absent or empty. */
function single(qs: Record<string, unknown>, key: string): string | undefined {
  const raw = qs[key]
  if (raw === undefined || raw === '') return undefined
  if (typeof raw !== 'string') throw invalid(`Give ${key} once, as a single value`, key)
  return raw.trim() === '' ? undefined : raw.trim()
}

function onlyKnown(qs: Record<string, unknown>, known: readonly string[]) {
  for (const key of Object.keys(qs)) {
    if (!known.includes(key)) {
      throw invalid(`Unknown parameter "${key}"; this endpoint takes: ${known.join(', ')}`, key)
    }
  }
}

/** `at`: an ISO 8601 time (UTC when it has no offset); now when absent. */
export function parseBoardQuery(qs: Record<string, unknown>): { at: Date } {
  onlyKnown(qs, ['at'])
  const raw = single(qs, 'at')
  if (raw === undefined) return { at: new Date() }
  /* luxon also reads a bare time ("12") as today; a moment in history needs its date */
  const at = DateTime.fromISO(raw, { zone: 'utc' })
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || !at.isValid || at.year < 1) {
    throw invalid('at must be an ISO 8601 time, like 2026-01-31T12:00:00Z', 'at')
  }
  return { at: at.toJSDate() }
}

/** Exactly one of task_id or a declared task link kind's `<kind>_id`, a UUID. */
export function parseTimelineQuery(qs: Record<string, unknown>): TimelineSubject {
  const subjects = ['task_id', ...taskLinks.all().map((link) => link.subject)]
  onlyKnown(qs, subjects)
  const given = subjects.map((key) => [key, single(qs, key)] as const).filter(([, v]) => v)
  if (given.length !== 1) {
    const names =
      subjects.length > 1
        ? `${subjects.slice(0, -1).join(', ')} or ${subjects.at(-1)}`
        : subjects[0]
    throw invalid(`Give exactly one of ${names}`)
  }
  const [[key, value]] = given
  if (!UUID.test(value!)) throw invalid(`${key} must be a UUID`, key)
  return { [key]: value!.toLowerCase() }
}
