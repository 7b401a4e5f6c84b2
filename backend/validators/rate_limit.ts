import vine from '@vinejs/vine'

/** The largest limit an admin may set, per minute. */
export const MAX_PER_MINUTE = 1_000_000

/* A whole number per minute, 0 = unlimited; null or omitted = inherited. */
const perMinute = () =>
  vine.number().withoutDecimals().min(0).max(MAX_PER_MINUTE).nullable().optional()

/**
 * PUT /api/agents/:id/rate-limits and /api/agent-types/:name/rate-limits:
 * the whole setting (an omitted field inherits). Inheriting both is DELETE.
 */
export const rateLimitsValidator = vine.create(
  vine.object({
    requests_per_minute: perMinute(),
    writes_per_minute: perMinute(),
  })
)
