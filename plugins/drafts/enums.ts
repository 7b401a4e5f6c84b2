export enum DraftChannel {
  Email = 'email',
  Linkedin = 'linkedin',
  Facebook = 'facebook',
  Instagram = 'instagram',
  Post = 'post',
  Script = 'script',
  LandingPage = 'landing_page',
  AdCopy = 'ad_copy',
}

export enum DraftStatus {
  Draft = 'draft',
  NeedsApproval = 'needs_approval',
  Approved = 'approved',
  Rejected = 'rejected',
}

export enum ApprovalAction {
  Approve = 'approve',
  Reject = 'reject',
  RequestChanges = 'request_changes',
  EditInlineApprove = 'edit_inline_approve',
  ApproveWithNotes = 'approve_with_notes',
}

export const DRAFT_CHANNELS = Object.values(DraftChannel)
export const DRAFT_STATUSES = Object.values(DraftStatus)
export const APPROVAL_ACTIONS = Object.values(ApprovalAction)

/** What an approval policy does with a draft of its agent type and kind. */
export enum PolicyMode {
  /** Every draft waits for an admin (also what happens where no policy is set). */
  AlwaysAsk = 'always_ask',
  /** Approved at submit time when the agent's record qualifies; otherwise it waits. */
  AutoApprove = 'auto_approve',
}

export const POLICY_MODES = Object.values(PolicyMode)
