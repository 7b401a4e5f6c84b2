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
import { addVersionValidator, createDraftValidator, decisionValidator } from './validators/draft.js'
import { DRAFT_LIST, VERSION_LIST } from './controllers/drafts_controller.js'
import { APPROVAL_LIST } from './controllers/decision_log_controller.js'
import { APPROVAL_ACTIONS, DRAFT_CHANNELS, DRAFT_STATUSES } from './enums.js'

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
}

export default defineOpenApi({
  tags: [
    {
      name: 'Drafts',
      description:
        'Outreach written by agents: versioned, submitted for approval, decided by an admin. Approval is the end of the line: nothing is ever sent.',
    },
    { name: 'Approvals', description: 'The decisions taken on drafts (read-only).' },
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
        waiting_seconds: nullable({
          type: 'integer',
          description: 'While needs_approval: seconds since it was submitted.',
        }),
        overdue: { type: 'boolean', description: 'Waiting longer than the approval SLA.' },
      },
      'An outreach draft; `content` is its current version’s.'
    ),
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
        decided_by: uuid(),
        decided_at: dateTime(),
      },
      'A decision on a draft.'
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
              decided_by: record({ id: uuid(), name: nullable(text('The admin’s e-mail.')) }),
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
        description: 'Moves the draft (and its linked task) to `needs_approval`.',
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
          'Only from `needs_approval`, on the current `version`. `approve` and `approve_with_notes` (notes required) → approved; `reject` → rejected (linked tasks to `done`: decided, nothing waits for an admin); `request_changes` (notes required) → back to `draft` (linked tasks to `doing`); `edit_inline_approve` (content required) → a new version by the admin, then approved. Each decision writes one approval. Of two admins deciding at once, one succeeds and the other gets 409.',
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
          409: 'Not waiting for approval, already decided (`E_ALREADY_DECIDED`), or `version` is not current (`E_STALE_VERSION`).',
        },
      },
    },
    '/api/approvals': {
      get: {
        operationId: 'listApprovals',
        summary: 'List approvals',
        description: 'An agent lists the decisions on the drafts it wrote only.',
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
  },
})
