import { defineMcp } from '#mcp/kit'
import { Permission } from '#policies/permissions'
import { DraftPermission } from './permissions.js'
import { addVersionValidator, createDraftValidator } from './validators/draft.js'
import { DRAFT_LIST } from './controllers/drafts_controller.js'

const DRAFT_ID = 'The draft’s id.'

/**
 * The drafts plugin's MCP tools: write a draft, revise it, submit it, and
 * read what the reviewer decided. Deciding is a person's job: no tool does it.
 */
export default defineMcp({
  tools: [
    {
      name: 'list_drafts',
      title: 'List drafts',
      description:
        'Drafts filtered and sorted like GET /api/drafts. `mine: true` narrows to the drafts you wrote; `status: ["draft"]` to those waiting for your revision.',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/drafts' },
      list: DRAFT_LIST,
      fixed: (agent, input) => (input.mine === true ? { created_by: agent.id } : {}),
      tailor: (schema) => ({
        ...schema,
        properties: {
          mine: { type: 'boolean', description: 'Only the drafts you wrote.' },
          ...schema.properties,
        },
      }),
      readOnly: true,
      example: { mine: true, status: ['draft'], _end: 10 },
    },
    {
      name: 'get_draft',
      title: 'Read a draft',
      description: 'The draft, its status and its current version’s content.',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/drafts/{id}' },
      params: { id: DRAFT_ID },
      readOnly: true,
      example: { id: '5f0c2a4e-8b1d-4e6f-9a3c-7d2e1b0a9c8f' },
    },
    {
      name: 'create_draft',
      title: 'Write a draft',
      description:
        'A new draft (version 1, status `draft`), for a lead when `lead_id` is given. Submit it with submit_draft when it is ready for a person to decide.',
      access: DraftPermission.Write,
      request: { method: 'POST', path: '/api/drafts' },
      body: createDraftValidator,
      example: {
        lead_id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
        channel: 'email',
        draft_type: 'cold_intro',
        content: 'Subject: A quick idea for Smile Dental\n\nHi Dr. Patel, ...',
      },
    },
    {
      name: 'add_draft_version',
      title: 'Revise a draft',
      description:
        'A new version on top of `base_version`, which must be the current one (else refused: read the draft again). Say what changed in `change_note`, answering the reviewer’s notes.',
      access: DraftPermission.Write,
      request: { method: 'POST', path: '/api/drafts/{id}/versions' },
      params: { id: DRAFT_ID },
      body: addVersionValidator,
      example: {
        id: '5f0c2a4e-8b1d-4e6f-9a3c-7d2e1b0a9c8f',
        content: 'Subject: A free check-up for Smile Dental\n\nHi Dr. Patel, ...',
        change_note: 'Mentions the free check-up, as asked',
        base_version: 1,
      },
    },
    {
      name: 'submit_draft',
      title: 'Submit a draft for approval',
      description:
        'Puts the draft in the approval inbox (status `needs_approval`); its card moves to Needs approval. A person decides; nothing is ever sent.',
      access: DraftPermission.Write,
      request: { method: 'POST', path: '/api/drafts/{id}/submit' },
      params: { id: DRAFT_ID },
      example: { id: '5f0c2a4e-8b1d-4e6f-9a3c-7d2e1b0a9c8f' },
    },
    {
      name: 'get_draft_feedback',
      title: 'Read the feedback on my draft',
      description:
        'The decisions on a draft you wrote, newest first: approved, rejected or changes requested, the reviewer’s notes, and an inline edit as a diff of your text. Read it before revising. Refused for another agent’s draft.',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/drafts/{id}/feedback' },
      params: { id: DRAFT_ID },
      readOnly: true,
      example: { id: '5f0c2a4e-8b1d-4e6f-9a3c-7d2e1b0a9c8f' },
    },
  ],
  resources: [
    {
      name: 'draft',
      title: 'A draft',
      description: 'One draft with its current content, as GET /api/drafts/{id} answers it.',
      access: Permission.ReadRecords,
      uri: 'mission-control://drafts/{id}',
      path: '/api/drafts/{id}',
    },
  ],
})
