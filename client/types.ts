/**
 * The records and request bodies of the REST contract an agent uses
 * (docs/API.md). Kept free of server imports so the client can be copied
 * into an agent's own project; a unit test checks the enums against the
 * server's.
 */

export const TASK_COLUMNS = ['backlog', 'doing', 'needs_approval', 'done'] as const
export type TaskColumn = (typeof TASK_COLUMNS)[number]
export type TaskPriority = 'low' | 'med' | 'high'
export type OwnerType = 'admin' | 'agent'

export const LEAD_STATUSES = [
  'new',
  'enriched',
  'drafted',
  'approved',
  'contacted',
  'replied',
  'booked',
  'lost',
] as const
export type LeadStatus = (typeof LEAD_STATUSES)[number]
export type LeadScore = 'A' | 'B' | 'C'

export const DRAFT_CHANNELS = [
  'email',
  'linkedin',
  'facebook',
  'instagram',
  'post',
  'script',
  'landing_page',
  'ad_copy',
] as const
export type DraftChannel = (typeof DRAFT_CHANNELS)[number]
export type DraftStatus = 'draft' | 'needs_approval' | 'approved' | 'rejected'

export type AgentStatus = 'idle' | 'running' | 'paused' | 'blocked'

/** An ISO 8601 UTC time. */
export type Timestamp = string

export interface Controls {
  /** Whether the agent may write now, everything considered (its own state and the global pause). */
  paused: boolean
  reason: string | null
}

export interface Agent {
  id: string
  name: string
  type: string
  status: AgentStatus
  current_task_id: string | null
  last_update_at: Timestamp | null
  metadata: Record<string, unknown>
  created_at: Timestamp
  updated_at: Timestamp
  /** No heartbeat for a while (AGENT_STALE_SECONDS). */
  stale: boolean
}

/** `GET /api/agents/me` and the heartbeat's answer. */
export interface AgentSelf extends Agent {
  controls: Controls
}

export interface HeartbeatInput {
  /** Only an admin pauses or kills; an agent says whether it is working. */
  status: 'idle' | 'running'
  current_task_id?: string | null
  /** Recorded as an `agent.heartbeat` event, like a change of status or task. */
  message?: string
}

export interface Task {
  id: string
  title: string
  description: string
  column: TaskColumn
  priority: TaskPriority
  owner_type: OwnerType
  owner_id: string | null
  linked_lead_id: string | null
  linked_draft_id: string | null
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
  done_at: Timestamp | null
}

export interface TaskInput {
  title: string
  description?: string
  column?: TaskColumn
  priority?: TaskPriority
  owner_type?: OwnerType
  owner_id?: string | null
  linked_lead_id?: string | null
  linked_draft_id?: string | null
}

export type TaskChanges = Partial<TaskInput>

export interface Lead {
  id: string
  business_name: string
  niche: string
  region: string
  website: string
  contact_name: string | null
  contact_role: string | null
  email: string | null
  phone: string | null
  source: string
  lead_score: LeadScore
  status: LeadStatus
  last_action_at: Timestamp | null
  next_step: string | null
  notes: string[]
  created_at: Timestamp
  updated_at: Timestamp
}

export interface LeadInput {
  business_name: string
  niche: string
  region: string
  website: string
  contact_name?: string | null
  contact_role?: string | null
  email?: string | null
  phone?: string | null
  source?: string
  lead_score?: LeadScore
  status?: LeadStatus
  next_step?: string | null
  notes?: string[]
}

export type LeadChanges = Partial<LeadInput>

/**
 * `leads.create`: a new lead, or the lead that already has this website or
 * email (the server's 409 `E_DUPLICATE_LEAD`), so agents need no special case.
 */
export type LeadCreated =
  | { created: true; id: string; lead: Lead }
  | { created: false; id: string; duplicate: { field: string | null; message: string } }

export interface Draft {
  id: string
  lead_id: string | null
  channel: DraftChannel
  draft_type: string
  status: DraftStatus
  current_version: number
  approver_id: string | null
  scheduled_send_at: Timestamp | null
  created_by: string
  submitted_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
  /** The current version's content. */
  content: string | null
  waiting_seconds: number | null
  overdue: boolean
}

export interface DraftInput {
  lead_id?: string | null
  channel: DraftChannel
  draft_type: string
  content: string
  change_note?: string
}

export interface DraftVersion {
  id: string
  draft_id: string
  version_number: number
  content: string
  change_note: string | null
  created_by: string | null
  created_at: Timestamp
}

export interface VersionInput {
  content: string
  change_note?: string
  /** The version this one revises: 409 when someone else wrote one since. */
  base_version: number
}

export type ApprovalAction =
  'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'

/** An admin's decision on a draft (read-only for agents). */
export interface Approval {
  id: string
  draft_id: string
  action: ApprovalAction
  notes: string | null
  editor_content: string | null
  decided_by: string
  decided_at: Timestamp
}

export interface TaskEvent {
  /** The event's seq. */
  id: number
  task_id: string | null
  agent_id: string | null
  event_type: string
  payload: Record<string, unknown>
  created_by: string | null
  created_at: Timestamp
}

export interface EventInput {
  /** Lowercase words joined by dots (`lead.enriched`); see docs/API.md for reserved ones. */
  event_type: string
  task_id?: string | null
  /** At most 64 KB of JSON; put a lead's or draft's id in `id` to attach it to its timeline. */
  payload?: Record<string, unknown>
}

/** Sent on `agents/<id>` when an admin pauses, resumes or kills the agent, and on the global pause. */
export interface ControlMessage {
  type: 'control'
  action: 'pause' | 'resume' | 'kill' | 'global_pause' | 'global_resume'
  /** Whether the agent may write now, everything considered. */
  paused: boolean
  reason: string | null
  at: Timestamp
}

type FilterValue = string | number | boolean | null | undefined
/**
 * The list dialect: `_start`/`_end`, `_sort`/`_order`, `q`, and filters
 * (`field`, `field_ne`, `field_gte`, `field_lte`, `field_like`); an array
 * repeats the key (any of).
 */
export type ListQuery = Record<string, FilterValue | readonly FilterValue[]>

export interface ListPage<T> {
  data: T[]
  /** `x-total-count`: every matching row, not just this page. */
  total: number
}
