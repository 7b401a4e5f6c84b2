import vine from '@vinejs/vine'
import { POLICY_MODES } from '../enums.js'

/**
 * PUT /api/approval-policies/:agent_type/:channel: the whole policy. The
 * thresholds apply to auto_approve; their defaults are a cautious start.
 */
export const putPolicyValidator = vine.create(
  vine.object({
    mode: vine.enum(POLICY_MODES),
    min_decided: vine.number().withoutDecimals().min(1).max(10_000).optional(),
    min_clean_rate: vine.number().min(0).max(1).optional(),
    no_rejection_in_last: vine.number().withoutDecimals().min(0).max(10_000).optional(),
    /** 2: two different admins must approve (always_ask only: the system never is one of them) */
    required_approvals: vine.number().in([1, 2]).optional(),
  })
)

/** POST /api/autonomy/:agent_id/revoke */
export const revokeValidator = vine.create(
  vine.object({
    reason: vine.string().trim().maxLength(1_000).nullable().optional(),
  })
)
