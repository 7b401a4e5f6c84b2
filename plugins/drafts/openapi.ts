/**
 * The drafts plugin's routes in the OpenAPI document (GET /api/openapi.json).
 * Bodies come from ./validators/draft.ts, list parameters from the
 * controllers' allow-lists.
 */
import { Permission } from '#policies/permissions'
import { DraftPermission } from './permissions.js'
import {
  dateTime,
  defineOpenApi,
  enumOf,
  listOf,
  nullable,
  record,
  ref,
  text,
  uuid,
} from '#openapi/kit'
import {
  addVersionValidator,
  bulkDecisionValidator,
  BULK_DECISIONS,
  createDraftValidator,
  decisionValidator,
  MAX_BULK_DECISIONS,
} from './validators/draft.js'
import { putPolicyValidator, revokeValidator } from './validators/autonomy.js'
import { DRAFT_LIST, VERSION_LIST } from './controllers/drafts_controller.js'
import { APPROVAL_LIST } from './controllers/decision_log_controller.js'
import { POLICY_LIST } from './controllers/approval_policies_controller.js'
import { APPROVAL_ACTIONS, DRAFT_CHANNELS, DRAFT_STATUSES, POLICY_MODES } from './enums.js'

const DRAFT_ID = '3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c'
const LEAD_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f'
const AGENT_ID = '5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21'
const ADMIN_ID = '0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10'
const AT = '2026-03-01T10:00:00.000Z'

const draft = {
  id: DRAFT_ID,
  lead_id: LEAD_ID,
  channel: 'email',
  draft_type: 'cold_intro',
  status: 'needs_approval',
  current_version: 2,
  approver_id: null,
  scheduled_send_at: null,
  created_by: AGENT_ID,
  submitted_at: AT,
  created_at: AT,
  updated_at: AT,
  content: 'Hi Dr. Patel, ...',
  approvals_required: 1,
  approvals_given: 0,
  waiting_seconds: 540,
  overdue: false,
}
const version = {
  id: '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d',
  draft_id: DRAFT_ID,
  version_number: 2,
  content: 'Hi Dr. Patel, ...',
  change_note: 'Shorter opening',
  created_by: AGENT_ID,
  created_at: AT,
}
const approval = {
  id: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
  draft_id: DRAFT_ID,
  action: 'approve_with_notes',
  notes: 'Good; mention the free check-up next time.',
  editor_content: null,
  version: 2,
  decided_by: ADMIN_ID,
  decided_at: AT,
  auto: false,
  policy: null,
  evidence: null,
  approval_count: null,
  approvals_required: null,
}
const POLICY_ID = '2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b'
const rules = {
  id: POLICY_ID,
  agent_type: 'copywriter',
  channel: 'email',
  mode: 'auto_approve',
  min_decided: 20,
  min_clean_rate: 0.9,
  no_rejection_in_last: 10,
  required_approvals: 1,
}
const policy = {
  ...rules,
  updated_by: ADMIN_ID,
  created_at: AT,
  updated_at: AT,
}
const recordExample = {
  since: null,
  channel: 'email',
  decided: 23,
  clean_approvals: 22,
  clean_rate: 0.9565,
  approved_with_notes: 3,
  inline_edits: 1,
  avg_edit_share: 0.12,
  changes_requested: 0,
  rejections: 0,
  last_rejection_at: null,
  recent_rejections: 0,
  recent_window: 10,
  auto_approved: 4,
}
const checks = [
  { rule: 'min_decided', required: 20, actual: 23, ok: true },
  { rule: 'min_clean_rate', required: 0.9, actual: 0.9565, ok: true },
  { rule: 'no_rejection_in_last', required: 10, actual: 0, ok: true },
]
const autonomy = {
  agent_id: AGENT_ID,
  agent_type: 'copywriter',
  state: {
    agent_id: AGENT_ID,
    record_since: null,
    demoted_at: null,
    demoted_by: null,
    revoked: false,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  },
  record: { ...recordExample, channel: null },
  policies: [
    { policy: rules, record: recordExample, qualifies: true, checks, auto_approves: true },
  ],
  auto_approved_kinds: ['email'],
}
const count = (description: string) => ({ type: 'integer', minimum: 0, description })
const share = (description: string) =>
  nullable({ type: 'number', minimum: 0, maximum: 1, description })
const scopePath = {
  agent_type: {
    schema: { type: 'string' },
    description: 'The agent type (`GET /api/agent-types`).',
    example: 'copywriter',
  },
  channel: {
    schema: enumOf([...DRAFT_CHANNELS, 'any']),
    description: 'The draft kind, or `any`: every kind the type has no policy of its own for.',
    example: 'email',
  },
}
const agentPath = {
  agent_id: { schema: uuid(), description: 'The agent.', example: AGENT_ID },
}

export default defineOpenApi({
  tags: [
    {
      name: 'Drafts',
      description:
        'Outreach written by agents: versioned, submitted for approval, decided by an admin. Approval is the end of the line: nothing is ever sent.',
    },
    { name: 'Approvals', description: 'The decisions taken on drafts (read-only).' },
    {
      name: 'Autonomy',
      description:
        'Approval policies per agent type and draft kind, and the autonomy agents earn from their record: a qualifying agent’s drafts are approved at submit time by the system, with the rule and the evidence (docs/AUTONOMY.md).',
    },
  ],

  schemas: {
    Draft: record(
      {
        id: uuid(),
        lead_id: nullable(uuid()),
        channel: enumOf(DRAFT_CHANNELS),
        draft_type: text('Free text: `cold_intro`, `follow_up`, ...'),
        status: enumOf(DRAFT_STATUSES),
        current_version: { type: 'integer', minimum: 1 },
        approver_id: nullable(uuid('The admin who decided it.')),
        scheduled_send_at: nullable(dateTime()),
        created_by: uuid(),
        submitted_at: nullable(dateTime('When it last entered needs_approval.')),
        created_at: dateTime(),
        updated_at: dateTime(),
        content: nullable(text('The content of the current version.')),
        approvals_required: {
          type: 'integer',
          minimum: 1,
          description:
            'How many different admins must approve it (its approval policy; 1 without one).',
        },
        approvals_given: {
          type: 'integer',
          minimum: 0,
          description:
            'While needs_approval in a kind that needs several admins: how many approved the current version so far.',
        },
        waiting_seconds: nullable({
          type: 'integer',
          description: 'While needs_approval: seconds since it was submitted.',
        }),
        overdue: { type: 'boolean', description: 'Waiting longer than the approval SLA.' },
      },
      'An outreach draft; `content` is its current version’s.'
    ),
    DraftBulkDecisionResult: record({
      action: enumOf(BULK_DECISIONS),
      decided: { type: 'integer', description: 'Drafts decided.' },
      refused: { type: 'integer', description: 'Drafts left as they were.' },
      results: {
        type: 'array',
        description: 'One per draft, in the order sent.',
        items: record(
          {
            id: uuid(),
            result: enumOf(['decided', 'refused']),
            status: enumOf(DRAFT_STATUSES, 'The draft’s status after the decision (decided).'),
            approval_id: uuid('The approval written (decided).'),
            code: text('Why not (refused): the code the single decision would answer.'),
            message: text('Why not (refused).'),
          },
          undefined,
          { optional: ['status', 'approval_id', 'code', 'message'] }
        ),
      },
    }),
    DraftVersion: record(
      {
        id: uuid(),
        draft_id: uuid(),
        version_number: { type: 'integer', minimum: 1 },
        content: text(),
        change_note: nullable(text()),
        created_by: nullable(uuid()),
        created_at: dateTime(),
      },
      'One version of a draft. Versions are never changed.'
    ),
    Approval: record(
      {
        id: uuid(),
        draft_id: uuid(),
        action: enumOf(APPROVAL_ACTIONS),
        version: nullable({
          type: 'integer',
          minimum: 1,
          description: 'The version decided on; null for decisions made before it was kept.',
        }),
        notes: nullable(text()),
        editor_content: nullable(text('For edit_inline_approve: the admin’s text.')),
        decided_by: nullable(uuid('The admin; null when an approval policy decided (`auto`).')),
        decided_at: dateTime(),
        auto: {
          type: 'boolean',
          description: 'Approved by an approval policy at submit time, by the system.',
        },
        policy: nullable({
          ...ref('PolicyRules'),
          description: 'For `auto`: the policy applied, as it stood.',
        }),
        evidence: nullable({
          ...ref('AutonomyEvidence'),
          description: 'For `auto`: the record the policy saw and each threshold.',
        }),
        approval_count: nullable({
          type: 'integer',
          minimum: 1,
          description: 'In a kind that needs several admins: this approval’s number.',
        }),
        approvals_required: nullable({
          type: 'integer',
          minimum: 1,
          description: 'In a kind that needs several admins: how many.',
        }),
      },
      'A decision on a draft: by an admin, or by an approval policy (`auto`).'
    ),
    PolicyRules: record(
      {
        id: uuid(),
        agent_type: text(),
        channel: nullable(enumOf(DRAFT_CHANNELS, 'The draft kind; null: any kind.')),
        mode: enumOf(POLICY_MODES),
        min_decided: { type: 'integer', minimum: 1 },
        min_clean_rate: { type: 'number', minimum: 0, maximum: 1 },
        no_rejection_in_last: { type: 'integer', minimum: 0 },
        required_approvals: { type: 'integer', enum: [1, 2] },
      },
      'The rules of an approval policy.'
    ),
    ApprovalPolicy: record(
      {
        id: uuid(),
        agent_type: text('The agent type it applies to.'),
        channel: nullable(
          enumOf(DRAFT_CHANNELS, 'The draft kind; null: every kind without a policy of its own.')
        ),
        mode: enumOf(
          POLICY_MODES,
          '`always_ask`: every draft waits for an admin. `auto_approve`: approved at submit time when the author’s record meets the thresholds.'
        ),
        min_decided: {
          type: 'integer',
          minimum: 1,
          description: 'At least this many human decisions on the agent’s drafts of this kind.',
        },
        min_clean_rate: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'At least this share approved with no inline edit and no requested change.',
        },
        no_rejection_in_last: {
          type: 'integer',
          minimum: 0,
          description: 'No rejection among the last this many decisions (0: no such rule).',
        },
        required_approvals: {
          type: 'integer',
          enum: [1, 2],
          description: '2: two different admins must approve (always_ask only).',
        },
        updated_by: nullable(uuid('The admin who last set it.')),
        created_at: dateTime(),
        updated_at: dateTime(),
      },
      'An approval policy for one agent type and one draft kind (or any kind).'
    ),
    AutonomyRecord: record(
      {
        since: nullable(
          dateTime('Decisions after this moment count (the last demotion); null: all.')
        ),
        channel: nullable(enumOf(DRAFT_CHANNELS, 'The kind it covers; null: every kind.')),
        decided: count('Outcomes decided by people (a draft’s stay in the queue).'),
        clean_approvals: count('Approved with no inline edit and no requested change.'),
        clean_rate: share('clean_approvals / decided; null before any decision.'),
        approved_with_notes: count('Of the clean approvals, those with notes.'),
        inline_edits: count('Approved after an admin edited the text.'),
        avg_edit_share: share(
          'How much the admins’ inline edits changed its text on average: the share of characters not kept (latest 20 edits).'
        ),
        changes_requested: count('Sent back with a request for changes.'),
        rejections: count('Rejected.'),
        last_rejection_at: nullable(dateTime('Its latest rejection, ever.')),
        recent_rejections: count('Rejections among the last `recent_window` outcomes.'),
        recent_window: count('How many outcomes `recent_rejections` looks back on.'),
        auto_approved: count('Approved by a policy since `since`: shown, never counted.'),
      },
      'An agent’s record: its drafts and what people decided on them, since its last demotion.'
    ),
    AutonomyCheck: record(
      {
        rule: enumOf(['min_decided', 'min_clean_rate', 'no_rejection_in_last']),
        required: { type: 'number' },
        actual: nullable({ type: 'number' }),
        ok: { type: 'boolean' },
      },
      'One threshold of a policy against a record.'
    ),
    AutonomyEvidence: record(
      {
        record: ref('AutonomyRecord'),
        checks: { type: 'array', items: ref('AutonomyCheck') },
      },
      'What an auto-approval saw: the author’s record for the policy’s kind, and each threshold.'
    ),
    AgentAutonomy: record(
      {
        agent_id: uuid(),
        agent_type: text(),
        state: record(
          {
            agent_id: uuid(),
            record_since: nullable(dateTime('Its record starts after this (the last demotion).')),
            demoted_at: nullable(dateTime()),
            demoted_by: nullable(
              record(
                {
                  approval_id: uuid(),
                  draft_id: uuid(),
                  action: enumOf(APPROVAL_ACTIONS),
                  decided_by: nullable(uuid()),
                },
                'The human correction that demoted it.'
              )
            ),
            revoked: { type: 'boolean', description: 'An admin revoked its autonomy.' },
            revoked_at: nullable(dateTime()),
            revoked_by: nullable(uuid()),
            revoke_reason: nullable(text()),
          },
          'Its autonomy state.'
        ),
        record: ref('AutonomyRecord'),
        policies: {
          type: 'array',
          description: 'Each policy of its type, and how its record (for that kind) stands.',
          items: record({
            policy: ref('PolicyRules'),
            record: nullable({ ...ref('AutonomyRecord'), description: 'Null for always_ask.' }),
            qualifies: { type: 'boolean', description: 'Its record meets every threshold.' },
            checks: { type: 'array', items: ref('AutonomyCheck') },
            auto_approves: {
              type: 'boolean',
              description: 'Its drafts of this kind are approved at submit time now (not revoked).',
            },
          }),
        },
        auto_approved_kinds: {
          type: 'array',
          items: enumOf(DRAFT_CHANNELS),
          description: 'The kinds whose drafts of this agent are approved at submit time now.',
        },
      },
      'An agent’s earned autonomy: its record, its state, its standing under each policy.'
    ),
    DraftFeedback: record(
      {
        draft_id: uuid(),
        status: enumOf(DRAFT_STATUSES),
        current_version: { type: 'integer', minimum: 1 },
        decisions: {
          type: 'array',
          description: 'Every decision on the draft, newest first.',
          items: record(
            {
              approval_id: uuid(),
              action: enumOf(APPROVAL_ACTIONS),
              version: nullable({ type: 'integer', minimum: 1 }),
              notes: nullable(text('What the reviewer asked for or noted.')),
              decided_at: dateTime(),
              decided_by: record({
                id: nullable(uuid('Null when an approval policy decided.')),
                name: nullable(text('The admin’s e-mail, or `approval policy`.')),
              }),
              auto: { type: 'boolean', description: 'Approved by an approval policy.' },
              edit: nullable(
                record(
                  {
                    from_version: { type: 'integer', minimum: 1 },
                    to_version: { type: 'integer', minimum: 1 },
                    content: text('The admin’s text (version `to_version`).'),
                    diff: text('A unified diff from the agent’s version to the admin’s.'),
                  },
                  'For edit_inline_approve: what the admin changed in the agent’s text.'
                )
              ),
            },
            'One decision and what it tells the author.'
          ),
        },
      },
      'What reviewers said about a draft: for its author.'
    ),
    DraftDecision: {
      allOf: [ref('Draft')],
      type: 'object',
      properties: { approval: ref('Approval') },
      required: ['approval'],
      description: 'The draft after the decision, with the approval row it wrote.',
    },
  },

  paths: {
    '/api/drafts': {
      get: {
        operationId: 'listDrafts',
        summary: 'List drafts',
        description:
          'Newest change first. `overdue=true` keeps drafts waiting past the approval SLA.',
        access: Permission.ReadRecords,
        list: DRAFT_LIST,
        query: {
          overdue: {
            schema: { type: 'string', enum: ['true', 'false'] },
            description: '`true`: waiting past the approval SLA; `false`: the others.',
          },
        },
        response: {
          status: 200,
          description: 'A page of drafts.',
          schema: listOf('Draft'),
          example: [draft],
        },
      },
      post: {
        operationId: 'createDraft',
        summary: 'Create a draft',
        description: 'Creates version 1 with status `draft`.',
        access: DraftPermission.Write,
        body: {
          schema: createDraftValidator,
          example: {
            lead_id: LEAD_ID,
            channel: 'email',
            draft_type: 'cold_intro',
            content: 'Hi Dr. Patel, ...',
          },
        },
        response: {
          status: 201,
          description: 'The draft.',
          schema: ref('Draft'),
          example: {
            ...draft,
            status: 'draft',
            current_version: 1,
            submitted_at: null,
            waiting_seconds: null,
          },
        },
        errors: { 422: 'Invalid fields, or `lead_id` names no lead.' },
      },
    },
    '/api/drafts/{id}': {
      get: {
        operationId: 'getDraft',
        summary: 'Get a draft',
        access: Permission.ReadRecords,
        response: { status: 200, description: 'The draft.', schema: ref('Draft'), example: draft },
      },
    },
    '/api/drafts/{id}/versions': {
      get: {
        operationId: 'listDraftVersions',
        summary: 'List the versions of a draft',
        description: 'Oldest first.',
        access: Permission.ReadRecords,
        list: VERSION_LIST,
        response: {
          status: 200,
          description: 'A page of versions.',
          schema: listOf('DraftVersion'),
        },
      },
      post: {
        operationId: 'addDraftVersion',
        summary: 'Add a version',
        description:
          '`base_version` is the version your change starts from: it must be the current one, so two writers never overwrite each other silently.',
        access: DraftPermission.Write,
        body: {
          schema: addVersionValidator,
          example: {
            content: 'Hi Dr. Patel, ...',
            change_note: 'Shorter opening',
            base_version: 1,
          },
        },
        response: {
          status: 201,
          description: 'The new version.',
          schema: ref('DraftVersion'),
          example: version,
        },
        errors: {
          409: '`base_version` is not the current version (`E_STALE_VERSION`), or the draft is approved (`E_DRAFT_APPROVED`).',
        },
      },
    },
    '/api/drafts/{id}/feedback': {
      get: {
        operationId: 'getDraftFeedback',
        agentScope: 'own',
        summary: 'Read the reviewers’ feedback on a draft',
        description:
          'Every decision on the draft, newest first: the notes of `request_changes`, `approve_with_notes` and `reject`, and an inline edit as a unified diff against the agent’s version. People who may read drafts may read it; of the agents, only the one that wrote the draft (another agent gets 403). The author also receives each decision as a `feedback` message on its channel `agents/<id>`.',
        access: Permission.ReadRecords,
        response: {
          status: 200,
          description: 'The feedback.',
          schema: ref('DraftFeedback'),
          example: {
            draft_id: DRAFT_ID,
            status: 'draft',
            current_version: 2,
            decisions: [
              {
                approval_id: approval.id,
                action: 'request_changes',
                version: 2,
                notes: 'Shorter, and mention the free check-up.',
                decided_at: AT,
                decided_by: { id: ADMIN_ID, name: 'admin@example.com' },
                auto: false,
                edit: null,
              },
            ],
          },
        },
        errors: { 403: 'An agent that did not write this draft.' },
      },
    },
    '/api/drafts/{id}/submit': {
      post: {
        operationId: 'submitDraft',
        summary: 'Submit for approval',
        description:
          'Moves the draft (and its linked task) to `needs_approval`. When the approval policy of the author’s agent type and the draft’s kind is `auto_approve` and the author’s record qualifies (and its autonomy is not revoked), the system approves it in the same transaction: the answer is then the approved draft, and the approval (`auto: true`) names the policy and the evidence.',
        access: DraftPermission.Write,
        response: { status: 200, description: 'The draft.', schema: ref('Draft'), example: draft },
        errors: { 409: 'The draft is not in status `draft` (`E_INVALID_TRANSITION`).' },
      },
    },
    '/api/drafts/{id}/decision': {
      post: {
        operationId: 'decideDraft',
        summary: 'Decide a draft',
        description:
          'Only from `needs_approval`, on the current `version`. `approve` and `approve_with_notes` (notes required) → approved; `reject` → rejected (linked tasks to `done`: decided, nothing waits for an admin); `request_changes` (notes required) → back to `draft` (linked tasks to `doing`); `edit_inline_approve` (content required) → a new version by the admin, then approved. Each decision writes one approval. Of two admins deciding at once, one succeeds and the other gets 409. In a kind whose policy needs two admins, an approval that is not the second by another admin is recorded and the draft keeps waiting (`approvals_given` of `approvals_required`); the same admin approving the same version again gets 409 `E_SAME_APPROVER`; a rejection or a request for changes decides at once. A rejection, a request for changes or an inline edit of a draft whose author held autonomy demotes that agent (its record restarts).',
        access: DraftPermission.Decide,
        body: {
          schema: decisionValidator,
          fields: {
            notes: { description: 'Required for approve_with_notes and request_changes.' },
            content: { description: 'Required for edit_inline_approve.' },
          },
          example: {
            action: 'approve_with_notes',
            version: 2,
            notes: 'Mention the free check-up.',
          },
        },
        response: {
          status: 200,
          description: 'The draft, with the approval written.',
          schema: ref('DraftDecision'),
          example: { ...draft, status: 'approved', approver_id: ADMIN_ID, approval },
        },
        errors: {
          409: 'Not waiting for approval, already decided (`E_ALREADY_DECIDED`), `version` is not current (`E_STALE_VERSION`), or this admin already approved this version of a draft that needs two admins (`E_SAME_APPROVER`).',
        },
      },
    },
    '/api/drafts/bulk-decisions': {
      post: {
        operationId: 'decideDrafts',
        summary: 'Decide many drafts at once',
        description: `One decision (\`approve\`, \`reject\`, or \`request_changes\` with \`notes\`) on up to ${MAX_BULK_DECISIONS} drafts, each named with the \`version\` the admin saw. Each draft is decided exactly as \`POST /api/drafts/{id}/decision\` would decide it alone: its own transaction, approval, event and audit row, linked task moved, author told. A draft that decision would refuse (not waiting, decided meanwhile: \`E_ALREADY_DECIDED\`; a newer version: \`E_STALE_VERSION\`; its lead on the do-not-contact list, for \`approve\`; an unknown id: \`E_NOT_FOUND\`) is left as it is and reported with that code; the others are decided. If the database fails part way, what was decided is reported and the draft that failed and the rest come back \`E_NOT_DECIDED\`, to send again. Inline edits and notes per draft stay in the inbox.`,
        tags: ['Drafts'],
        access: DraftPermission.Decide,
        body: {
          schema: bulkDecisionValidator,
          fields: {
            notes: { description: 'Required for request_changes; kept on every approval.' },
          },
          example: {
            action: 'reject',
            notes: 'Off-brand: we do not discount.',
            drafts: [{ id: DRAFT_ID, version: 2 }],
          },
        },
        response: {
          status: 200,
          description: 'What happened to each draft.',
          schema: ref('DraftBulkDecisionResult'),
          example: {
            action: 'reject',
            decided: 1,
            refused: 0,
            results: [
              { id: DRAFT_ID, result: 'decided', status: 'rejected', approval_id: DRAFT_ID },
            ],
          },
        },
        errors: { 403: 'Only admins decide drafts.' },
      },
    },
    '/api/approvals': {
      get: {
        operationId: 'listApprovals',
        summary: 'List approvals',
        description:
          'An agent lists the decisions on the drafts it wrote only. Approvals of approval policies are here too (`auto: true`, `decided_by` null, with `policy` and `evidence`); `auto=true` lists them alone.',
        tags: ['Approvals'],
        access: Permission.ReadRecords,
        list: APPROVAL_LIST,
        response: {
          status: 200,
          description: 'A page of approvals.',
          schema: listOf('Approval'),
          example: [approval],
        },
      },
    },
    '/api/approvals/{id}': {
      get: {
        operationId: 'getApproval',
        summary: 'Get an approval',
        tags: ['Approvals'],
        access: Permission.ReadRecords,
        response: {
          status: 200,
          description: 'The approval.',
          schema: ref('Approval'),
          example: approval,
        },
      },
    },
    '/api/approval-policies': {
      get: {
        operationId: 'listApprovalPolicies',
        summary: 'List approval policies',
        description:
          'Per agent type and draft kind. Where a type and kind have none, the type’s `any` policy applies, else always ask.',
        tags: ['Autonomy'],
        access: Permission.ReadRecords,
        list: POLICY_LIST,
        response: {
          status: 200,
          description: 'A page of policies.',
          schema: listOf('ApprovalPolicy'),
          example: [policy],
        },
      },
    },
    '/api/approval-policies/{agent_type}/{channel}': {
      get: {
        operationId: 'getApprovalPolicy',
        summary: 'Get the policy of an agent type and a kind',
        description: 'Exactly this scope: `any` is the type’s policy for every other kind.',
        tags: ['Autonomy'],
        access: Permission.ReadRecords,
        path: scopePath,
        response: {
          status: 200,
          description: 'The policy.',
          schema: ref('ApprovalPolicy'),
          example: policy,
        },
        errors: { 404: 'No policy for this scope, or no such kind.' },
      },
      put: {
        operationId: 'putApprovalPolicy',
        summary: 'Set the policy of an agent type and a kind',
        description:
          'The whole policy (thresholds not sent take their defaults: 20 decisions, 0.9 clean, no rejection in the last 10, one admin). 201 when it is new, 200 when it replaced one. A kind that needs two admins (`required_approvals: 2`) must be `always_ask`.',
        tags: ['Autonomy'],
        access: DraftPermission.ManageAutonomy,
        path: scopePath,
        body: {
          schema: putPolicyValidator,
          example: {
            mode: 'auto_approve',
            min_decided: 20,
            min_clean_rate: 0.9,
            no_rejection_in_last: 10,
          },
        },
        response: {
          status: 200,
          description: 'The policy, replaced.',
          schema: ref('ApprovalPolicy'),
          example: policy,
        },
        responses: {
          201: {
            description: 'The policy, created.',
            content: { 'application/json': { schema: ref('ApprovalPolicy'), example: policy } },
          },
        },
        errors: {
          404: 'No such kind.',
          409: 'Created by someone else at the same moment.',
          422: 'Invalid fields, an agent type no enabled plugin declares, or two admins with auto_approve.',
        },
      },
      delete: {
        operationId: 'deleteApprovalPolicy',
        summary: 'Remove the policy of an agent type and a kind',
        description:
          'Drafts of that type and kind fall back to the type’s `any` policy, else always ask.',
        tags: ['Autonomy'],
        access: DraftPermission.ManageAutonomy,
        path: scopePath,
        response: { status: 204, description: 'Removed.' },
        errors: { 404: 'No policy for this scope, or no such kind.' },
      },
    },
    '/api/autonomy/{agent_id}': {
      get: {
        operationId: 'getAgentAutonomy',
        summary: 'An agent’s record and autonomy',
        description:
          'Computed from its drafts and the human decisions on them, since its last demotion: outcomes, clean approvals and rate, notes, inline edits and how much they changed its text, changes requested, rejections; its state (demoted, revoked); and how it stands against each policy of its type.',
        tags: ['Autonomy'],
        access: Permission.ReadRecords,
        path: agentPath,
        response: {
          status: 200,
          description: 'The agent’s autonomy.',
          schema: ref('AgentAutonomy'),
          example: autonomy,
        },
      },
    },
    '/api/autonomy/{agent_id}/revoke': {
      post: {
        operationId: 'revokeAgentAutonomy',
        summary: 'Revoke an agent’s autonomy',
        description:
          'At once: every later draft of the agent waits for an admin, whatever its record, until an admin restores it. Recorded (`autonomy.revoked`).',
        tags: ['Autonomy'],
        access: DraftPermission.ManageAutonomy,
        path: agentPath,
        body: { schema: revokeValidator, example: { reason: 'Tone was off this week' } },
        response: {
          status: 200,
          description: 'The agent’s autonomy, revoked.',
          schema: ref('AgentAutonomy'),
          example: {
            ...autonomy,
            state: {
              ...autonomy.state,
              revoked: true,
              revoked_at: AT,
              revoked_by: ADMIN_ID,
              revoke_reason: 'Tone was off this week',
            },
            policies: autonomy.policies.map((p) => ({ ...p, auto_approves: false })),
            auto_approved_kinds: [],
          },
        },
        errors: { 409: 'Already revoked (`E_ALREADY_REVOKED`).' },
      },
    },
    '/api/autonomy/{agent_id}/restore': {
      post: {
        operationId: 'restoreAgentAutonomy',
        summary: 'Restore an agent’s autonomy',
        description: 'Its record decides again. Recorded (`autonomy.restored`).',
        tags: ['Autonomy'],
        access: DraftPermission.ManageAutonomy,
        path: agentPath,
        response: {
          status: 200,
          description: 'The agent’s autonomy.',
          schema: ref('AgentAutonomy'),
          example: autonomy,
        },
        errors: { 409: 'Not revoked (`E_NOT_REVOKED`).' },
      },
    },
  },
})
