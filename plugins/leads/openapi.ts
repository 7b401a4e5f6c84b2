/**
 * The leads plugin's routes in the OpenAPI document (GET /api/openapi.json).
 * Bodies come from ./validators/lead.ts, list parameters from LEAD_LIST.
 */
import { Permission } from '#policies/permissions'
import { LeadPermission } from './permissions.js'
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
import { createLeadValidator, updateLeadValidator } from './validators/lead.js'
import { LEAD_LIST } from './services/lead_list.js'
import { LEAD_SCORES, LEAD_STATUSES } from './enums.js'

const LEAD_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f'
const AT = '2026-03-01T10:00:00.000Z'

const lead = {
  id: LEAD_ID,
  business_name: 'Bright Smile Dental',
  niche: 'dentist',
  region: 'Austin, TX',
  website: 'https://brightsmile.example.com',
  contact_name: 'Dr. Priya Patel',
  contact_role: 'Owner',
  email: 'priya@brightsmile.example.com',
  phone: '+1 512 555 0134',
  source: 'lead_finder',
  lead_score: 'A',
  status: 'enriched',
  last_action_at: AT,
  next_step: 'Intro email',
  notes: ['Opened a second clinic in 2025', 'Reviews praise the weekend hours'],
  created_at: AT,
  updated_at: AT,
}

const duplicate =
  'A lead with the same normalized website or email exists (`E_DUPLICATE_LEAD`; `field` is `website` or `email`, `existing_id` the other lead).'

export default defineOpenApi({
  tags: [
    {
      name: 'Leads',
      description:
        'Businesses the agents find and enrich, and the closers work. Deduplicated on normalized website and email.',
    },
  ],

  schemas: {
    Lead: record(
      {
        id: uuid(),
        business_name: text(),
        niche: text(),
        region: text(),
        website: text('A host name with a dot, optionally a scheme, a port and a path.'),
        contact_name: nullable(text()),
        contact_role: nullable(text()),
        email: nullable({ type: 'string', format: 'email', description: 'Stored lower-case.' }),
        phone: nullable(text()),
        source: text('Who found it (`manual` by default).'),
        lead_score: enumOf(LEAD_SCORES),
        status: enumOf(LEAD_STATUSES, 'The funnel, in this order.'),
        last_action_at: nullable(dateTime('Stamped by every status change.')),
        next_step: nullable(text()),
        notes: {
          type: 'array',
          items: { type: 'string' },
          description: 'Personalization bullets.',
        },
        created_at: dateTime(),
        updated_at: dateTime(),
      },
      'A business that may become a customer.'
    ),
  },

  paths: {
    '/api/leads': {
      get: {
        operationId: 'listLeads',
        summary: 'List leads',
        description:
          'Newest first by default. `status_gte=contacted` means contacted or further in the funnel. A raw comma in a value separates several values (`status=new,lost`): encode a comma that belongs to the value.',
        access: Permission.ReadRecords,
        list: LEAD_LIST,
        response: {
          status: 200,
          description: 'A page of leads.',
          schema: listOf('Lead'),
          example: [lead],
        },
      },
      post: {
        operationId: 'createLead',
        summary: 'Create a lead',
        description:
          'Defaults: `source` manual, `lead_score` C, `status` new, `notes` []. Text is trimmed; an empty optional field is stored as null; unknown fields are ignored.',
        access: LeadPermission.Write,
        body: {
          schema: createLeadValidator,
          example: {
            business_name: 'Bright Smile Dental',
            niche: 'dentist',
            region: 'Austin, TX',
            website: 'brightsmile.example.com',
            email: 'priya@brightsmile.example.com',
            source: 'lead_finder',
          },
        },
        response: { status: 201, description: 'The lead.', schema: ref('Lead'), example: lead },
        responses: {
          409: {
            description: duplicate,
            content: {
              'application/json': {
                schema: ref('Error'),
                example: {
                  errors: [
                    {
                      message: `A lead with this website already exists: ${LEAD_ID} (Bright Smile Dental)`,
                      code: 'E_DUPLICATE_LEAD',
                      field: 'website',
                      existing_id: LEAD_ID,
                    },
                  ],
                },
              },
            },
          },
        },
      },
    },
    '/api/leads/export.csv': {
      get: {
        operationId: 'exportLeads',
        summary: 'Export leads as CSV',
        description:
          "The list’s filters, `q` and sort (`_start`/`_end` are ignored: every matching row is streamed). RFC 4180, UTF-8, a header row, the record’s columns in order; a text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`; `notes` is one cell, a bullet per line. If the database fails mid-stream the connection is cut, never a truncated file that looks whole. Each export has a database connection of its own (never the one requests use); an export that makes no progress for `EXPORT_STALL_SECONDS` (30) — its client stopped reading — is cut the same way.",
        access: LeadPermission.Export,
        list: LEAD_LIST,
        paging: false,
        errors: {
          429: 'Too many exports running (`E_TOO_MANY_EXPORTS`): this person already has `EXPORT_MAX_PER_USER` (2), or the instance `EXPORT_MAX_CONCURRENT` (4). `Retry-After` says when to try again.',
        },
        response: {
          status: 200,
          description:
            'The CSV file (`Content-Disposition: attachment; filename="leads-YYYY-MM-DD.csv"`).',
          contentType: 'text/csv',
          schema: { type: 'string' },
          example:
            'id,business_name,niche,region,website,contact_name,contact_role,email,phone,source,lead_score,status,last_action_at,next_step,notes,created_at,updated_at\n',
          headers: {
            'Content-Disposition': {
              description: '`attachment; filename="leads-YYYY-MM-DD.csv"` (UTC date).',
              schema: { type: 'string' },
            },
          },
        },
      },
    },
    '/api/leads/{id}': {
      get: {
        operationId: 'getLead',
        summary: 'Get a lead',
        access: Permission.ReadRecords,
        response: { status: 200, description: 'The lead.', schema: ref('Lead'), example: lead },
      },
      patch: {
        operationId: 'updateLead',
        summary: 'Update a lead',
        description:
          'Changes the fields it names (`notes` replaces the whole list); a PATCH that changes nothing writes nothing. Closers may send only `status`, `next_step` and `notes`.',
        access: LeadPermission.WriteFollowUp,
        body: {
          schema: updateLeadValidator,
          example: { status: 'contacted', next_step: 'Call on Friday' },
        },
        response: { status: 200, description: 'The lead.', schema: ref('Lead'), example: lead },
        errors: {
          403: 'A closer naming a field other than status, next_step, notes (nothing is written).',
          409: duplicate,
        },
      },
      delete: {
        operationId: 'deleteLead',
        summary: 'Delete a lead',
        description: 'Unlinks the tasks linked to it.',
        access: LeadPermission.Delete,
        response: { status: 204, description: 'Deleted.' },
      },
    },
  },
})
