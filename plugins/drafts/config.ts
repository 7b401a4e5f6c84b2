/**
 * The drafts plugin's settings, from the environment (documented in
 * .env.example): how long a draft may wait for a decision, and how often
 * the overdue check runs.
 */
function positive(name: string, fallback: number) {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export const draftsConfig = {
  /** A draft waiting longer than this for a decision is overdue (default 4 hours). */
  get approvalSlaMinutes() {
    return positive('DRAFT_APPROVAL_SLA_MINUTES', 240)
  },
  /** How often the server looks for newly overdue drafts (default every minute). */
  get overdueCheckSeconds() {
    return positive('DRAFT_OVERDUE_CHECK_SECONDS', 60)
  },
}
