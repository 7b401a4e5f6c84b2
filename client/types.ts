/**
 * The records and request bodies of the REST contract an agent uses
 * (docs/API.md), as the OpenAPI document describes them: aliases of the
 * generated client/api_types.ts (`npm run types:generate`). Nothing here
 * imports the server, so the client can be copied into an agent's own
 * project with that one file; a unit test checks the enums against the
 * server's.
 */
import type { components, operations } from './api_types.js'

type Schemas = components['schemas']
/** The JSON body an operation of the document takes (never for a CSV or multipart body). */
type BodyOf<Operation extends keyof operations> = NonNullable<
  operations[Operation]['requestBody']
>['content'] extends {
  'application/json': infer Body
}
  ? Body
  : never

export type TaskColumn = Schemas['Task']['column']
export type TaskPriority = Schemas['Task']['priority']
export type OwnerType = Schemas['Task']['owner_type']
export const TASK_COLUMNS = [
  'backlog',
  'doing',
  'needs_approval',
  'done',
] as const satisfies readonly TaskColumn[]

export type LeadStatus = Schemas['Lead']['status']
export type LeadScore = Schemas['Lead']['lead_score']
export const LEAD_STATUSES = [
  'new',
  'enriched',
  'drafted',
  'approved',
  'contacted',
  'replied',
  'booked',
  'lost',
] as const satisfies readonly LeadStatus[]

export type DraftChannel = Schemas['Draft']['channel']
export type DraftStatus = Schemas['Draft']['status']
export const DRAFT_CHANNELS = [
  'email',
  'linkedin',
  'facebook',
  'instagram',
  'post',
  'script',
  'landing_page',
  'ad_copy',
] as const satisfies readonly DraftChannel[]

export type AgentStatus = Schemas['Agent']['status']

/** An ISO 8601 UTC time. */
export type Timestamp = string

/** Whether the agent may write now, everything considered (its own state and the global pause). */
export type Controls = Schemas['AgentControls']
export type Agent = Schemas['Agent']
/** `GET /api/agents/me` and the heartbeat's answer. */
export type AgentSelf = Schemas['AgentSelf']
/** Only an admin pauses or kills; an agent says whether it is working. */
export type HeartbeatInput = BodyOf<'heartbeat'>

export type Task = Schemas['Task']
export type TaskInput = BodyOf<'createTask'>
export type TaskChanges = BodyOf<'updateTask'>

export type Lead = Schemas['Lead']
export type LeadInput = BodyOf<'createLead'>
export type LeadChanges = BodyOf<'updateLead'>

/**
 * `leads.create`: a new lead, or the lead that already has this website or
 * email (the server's 409 `E_DUPLICATE_LEAD`), so agents need no special case.
 */
export type LeadCreated =
  | { created: true; id: string; lead: Lead }
  | { created: false; id: string; duplicate: { field: string | null; message: string } }

export type Draft = Schemas['Draft']
export type DraftInput = BodyOf<'createDraft'>
export type DraftVersion = Schemas['DraftVersion']
/** `base_version`: the version this one revises (409 when someone else wrote one since). */
export type VersionInput = BodyOf<'addDraftVersion'>

export type ApprovalAction = Schemas['Approval']['action']
/** An admin's decision on a draft (read-only for agents). */
export type Approval = Schemas['Approval']
/** What reviewers said about a draft (GET /api/drafts/:id/feedback), newest decision first. */
export type DraftFeedback = Schemas['DraftFeedback']
/** A decision on one of the agent's drafts, on its channel `agents/<id>`. */
export interface FeedbackMessage {
  type: 'feedback'
  draft_id: string
  approval_id: string
  action: ApprovalAction
  status: DraftStatus
  version: number | null
  notes: string | null
  edited: boolean
  /** approved by an approval policy at submit time, not by an admin (docs/AUTONOMY.md) */
  auto: boolean
  at: string
}

/** A budget that covers the agent, with its current period (spent, reserved, remaining). */
export type Budget = Schemas['Budget']
/** `GET /api/agents/me/budget` */
export type MyBudget = operations['getMyBudget']['responses'][200]['content']['application/json']
/** A hold on budget before an expensive step. */
export type Reservation = Schemas['BudgetReservation']
export type ReservationInput = BodyOf<'reserveBudget'>
/** What a step cost: model, input and output tokens, USD. */
export type UsageInput = BodyOf<'reportUsage'>
export type UsageReport = Schemas['UsageReport']

export type TaskEvent = Schemas['Event']
/** `event_type`: lowercase words joined by dots (`lead.enriched`); `payload`: at most 64 KB of JSON. */
export type EventInput = BodyOf<'emitEvent'>

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
