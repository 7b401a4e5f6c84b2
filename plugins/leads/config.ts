/**
 * The leads plugin's settings, from the environment (documented in
 * .env.example), read when used: how long an import's upload may stall,
 * how long its rejected rows are kept, and how often the server removes
 * the ones past that.
 */
function atLeast(name: string, fallback: number, min: number) {
  const raw = process.env[name]
  const value = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value >= min
    ? value
    : fallback
}

export const leadsConfig = {
  /** Seconds an import's upload may send nothing before it is given up with 408 (default 60). */
  get uploadIdleSeconds() {
    return atLeast('LEAD_IMPORT_IDLE_SECONDS', 60, Number.MIN_VALUE)
  },
  /** Days an import's rejected rows are kept after it finished (default 30; 0 keeps them for good). */
  get rejectedRowsDays() {
    return atLeast('LEAD_IMPORT_REJECTED_ROWS_DAYS', 30, 0)
  },
  /** How often the server removes rejected rows past their days (default every hour). */
  get retentionCheckSeconds() {
    return atLeast('LEAD_IMPORT_RETENTION_CHECK_SECONDS', 3600, 1)
  },
}
