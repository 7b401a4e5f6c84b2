import vine from '@vinejs/vine'
import { APPROVAL_ACTIONS, ApprovalAction, DRAFT_CHANNELS } from '../enums.js'

const content = () => vine.string().trim().minLength(1).maxLength(100_000)
const note = () => vine.string().trim().maxLength(5_000)

export const createDraftValidator = vine.create(
  vine.object({
    lead_id: vine.string().uuid().nullable().optional(),
    channel: vine.enum(DRAFT_CHANNELS),
    draft_type: vine.string().trim().minLength(1).maxLength(100),
    content: content(),
    change_note: note().optional(),
  })
)

export const addVersionValidator = vine.create(
  vine.object({
    content: content(),
    change_note: note().optional(),
    base_version: vine.number().withoutDecimals().min(1),
  })
)

export const decisionValidator = vine.create(
  vine.object({
    action: vine.enum(APPROVAL_ACTIONS),
    version: vine.number().withoutDecimals().min(1),
    notes: note()
      .minLength(1)
      .optional()
      .requiredWhen('action', 'in', [
        ApprovalAction.ApproveWithNotes,
        ApprovalAction.RequestChanges,
      ]),
    content: content().optional().requiredWhen('action', '=', ApprovalAction.EditInlineApprove),
  })
)

/** The decisions an admin may take on many drafts at once (an edit or a note per draft needs the inbox). */
export const BULK_DECISIONS = [
  ApprovalAction.Approve,
  ApprovalAction.Reject,
  ApprovalAction.RequestChanges,
] as const

/** How many drafts one bulk decision names. */
export const MAX_BULK_DECISIONS = 100

/** POST /api/drafts/bulk-decisions: one decision, each draft with the version the admin saw. */
export const bulkDecisionValidator = vine.create(
  vine.object({
    action: vine.enum(BULK_DECISIONS),
    notes: note()
      .minLength(1)
      .optional()
      .requiredWhen('action', '=', ApprovalAction.RequestChanges),
    drafts: vine
      .array(
        vine.object({
          id: vine.string().uuid(),
          version: vine.number().withoutDecimals().min(1),
        })
      )
      .minLength(1)
      .maxLength(MAX_BULK_DECISIONS)
      .distinct('id'),
  })
)
