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
import { createLeadsBulkValidator, MAX_BULK_LEADS } from './validators/lead_bulk.js'
import {
  bulkLeadActionValidator,
  exportSelectedLeadsValidator,
  MAX_BULK_ACTION_IDS,
} from './validators/lead_bulk_action.js'
import { BULK_LEAD_ACTIONS, MAX_BULK_ACTION_ROWS } from './actions/lead_bulk_actions.js'
import {
  createSuppressionValidator,
  createSuppressionsBulkValidator,
  MAX_SUPPRESSIONS_PER_REQUEST,
} from './validators/suppression.js'
import { SUPPRESSION_LIST } from './controllers/suppressions_controller.js'
import { SUPPRESSION_KINDS } from './services/suppression.js'
import { LEAD_LIST } from './services/lead_list.js'
import { LEAD_SCORES, LEAD_STATUSES } from './enums.js'
import { IMPORT_PATHS, IMPORT_SCHEMAS } from './openapi_import.js'

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
  suppressed: false,
  suppression: null,
}

const SUPPRESSION_ID = '0b7e2c4d-9a1f-4e3b-8c6d-5f4a3b2c1d0e'
const suppressionEntry = { id: SUPPRESSION_ID, kind: 'domain', value: 'acme-dental.example.com' }
const suppression = {
  ...suppressionEntry,
  reason: 'Asked not to be contacted (call of 2026-02-27)',
  created_by: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  created_at: AT,
}

/* `suppressed` is not a column: the list and the export take it as a parameter of their own. */
const suppressedParameter = {
  schema: { type: 'boolean' },
  description:
    '`true`: only the leads the do-not-contact list covers; `false`: only the others. Empty: no filter.',
}

const suppressed =
  'The lead is on the do-not-contact list (`E_SUPPRESSED`; `field` is `email` or `website`, `entry` the entry that covers it: its e-mail address, its e-mail’s domain or its website’s host).'

const duplicate =
  'A lead with the same normalized website or email exists (`E_DUPLICATE_LEAD`; `field` is `website` or `email`, `existing_id` the other lead).'

export default defineOpenApi({
  tags: [
    {
      name: 'Leads',
      description:
        'Businesses the agents find and enrich, and the closers work. Deduplicated on normalized website and email.',
    },
    {
      name: 'Suppression',
      description:
        'The do-not-contact list (admins): e-mail addresses and domains no lead may be created, exported by default or approved for.',
    },
  ],

  schemas: {
    ...IMPORT_SCHEMAS,
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
        suppressed: {
          type: 'boolean',
          description:
            'On the do-not-contact list now: its e-mail address, its e-mail’s domain or its website’s host is an entry. Read when the record is; not a column.',
        },
        suppression: nullable({
          ...ref('SuppressionEntry'),
          description: 'The entry that covers it (an e-mail entry before a domain one).',
        }),
      },
      'A business that may become a customer.'
    ),
    SuppressionEntry: record(
      {
        id: uuid(),
        kind: enumOf(SUPPRESSION_KINDS),
        value: text('Lower-case; a domain without scheme, `www.`, port or path.'),
      },
      'A do-not-contact entry, as a lead or a refusal names it.'
    ),
    Suppression: record(
      {
        id: uuid(),
        kind: enumOf(
          SUPPRESSION_KINDS,
          '`email`: that address. `domain`: every e-mail address at that domain, and every website on that host, subdomains included (`acme.com` covers `jo@eu.acme.com`, not `notacme.com`), in either spelling of an internationalized name.'
        ),
        value: text('Lower-case and trimmed; a domain without scheme, `www.`, port or path.'),
        reason: nullable(text('Why, for the admins.')),
        created_by: nullable(uuid('The admin who added it.')),
        created_at: dateTime(),
      },
      'An entry of the suppression (do-not-contact) list.'
    ),
    LeadBulkActionResult: record({
      id: uuid('The recorded change: one event and one audit row for the whole action.'),
      action: enumOf(BULK_LEAD_ACTIONS),
      matched: { type: 'integer', description: 'Leads the selection held when the action ran.' },
      changed: { type: 'integer', description: 'Of those, the leads it changed.' },
      unchanged: {
        type: 'integer',
        description: 'Leads already in that status or with that next step.',
      },
    }),
    LeadBulkResult: record(
      {
        batch_id: nullable(
          uuid('The recorded change (`lead.bulk_created`); null when nothing was created.')
        ),
        totals: record({
          received: { type: 'integer' },
          created: { type: 'integer' },
          refused: { type: 'integer' },
          duplicates: { type: 'integer' },
          invalid: { type: 'integer' },
          suppressed: { type: 'integer' },
        }),
        results: {
          type: 'array',
          description: 'One per row, in input order (`index` is the row’s position, from 0).',
          items: {
            type: 'object',
            properties: {
              index: { type: 'integer' },
              status: enumOf(['created', 'refused']),
              id: uuid('The new lead (created).'),
              code: enumOf(['E_DUPLICATE_LEAD', 'E_SUPPRESSED', 'E_VALIDATION_ERROR']),
              message: text(),
              field: enumOf(['website', 'email']),
              existing_id: uuid(
                'E_DUPLICATE_LEAD: the lead that has this website or e-mail (created by an earlier row of this request when `duplicate_of_index` is set).'
              ),
              duplicate_of_index: { type: 'integer' },
              entry: ref('SuppressionEntry'),
              errors: {
                type: 'array',
                description: 'E_VALIDATION_ERROR: one per invalid field, as a 422 lists them.',
                items: {
                  type: 'object',
                  properties: { message: text(), field: text(), rule: text() },
                  required: ['message'],
                },
              },
            },
            required: ['index', 'status'],
          },
        },
      },
      'What happened to each row of a bulk create.'
    ),
    SuppressionBulkResult: record(
      {
        batch_id: nullable(
          uuid('The recorded change (`suppression.bulk_created`); null when nothing was added.')
        ),
        totals: record({
          received: { type: 'integer' },
          created: { type: 'integer' },
          existing: { type: 'integer' },
          refused: { type: 'integer' },
        }),
        results: {
          type: 'array',
          description: 'One per value, in input order.',
          items: {
            type: 'object',
            properties: {
              index: { type: 'integer' },
              status: enumOf(['created', 'existing', 'refused']),
              id: uuid('The entry (created, or the one already on the list).'),
              kind: enumOf(SUPPRESSION_KINDS),
              value: text('As stored.'),
              code: enumOf(['E_VALIDATION_ERROR']),
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { message: text(), field: text(), rule: text() },
                  required: ['message'],
                },
              },
            },
            required: ['index', 'status'],
          },
        },
      },
      'What happened to each value of a pasted list.'
    ),
  },

  paths: {
    ...IMPORT_PATHS,
    '/api/leads': {
      get: {
        operationId: 'listLeads',
        summary: 'List leads',
        description:
          'Newest first by default. `status_gte=contacted` means contacted or further in the funnel. A raw comma in a value separates several values (`status=new,lost`): encode a comma that belongs to the value.',
        access: Permission.ReadRecords,
        list: LEAD_LIST,
        query: { suppressed: suppressedParameter },
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
            description: `${duplicate} Or: ${suppressed}`,
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
    '/api/leads/bulk': {
      post: {
        operationId: 'createLeadsBulk',
        summary: 'Create many leads',
        description: `Up to ${MAX_BULK_LEADS} leads in one request (more: 413 \`E_TOO_MANY_ROWS\`; the body is at most 1 MB as everywhere, so send fewer when they carry long notes). Each row is checked as \`POST /api/leads\` checks one: the same validation and defaults, the duplicate rule (normalized website or e-mail) against the table **and** against the earlier rows of the request (the first one wins), and the do-not-contact list. The rows that pass are created by one statement; the others are refused with their reason. The answer is 200 whatever each row’s fate, with a result per row in input order and the totals. The whole request is ONE recorded change: one \`lead.bulk_created\` event and audit row with the counts and the created ids (none when nothing was created). Same roles, abilities, pause rule (423) and rate limits as creating one lead: a request counts as one write.`,
        access: LeadPermission.Write,
        body: {
          schema: createLeadsBulkValidator,
          example: {
            leads: [
              {
                business_name: 'Bright Smile Dental',
                niche: 'dentist',
                region: 'Austin, TX',
                website: 'brightsmile.example.com',
                email: 'priya@brightsmile.example.com',
                source: 'lead_finder',
              },
              {
                business_name: 'Lakeside Family Dentistry',
                niche: 'dentist',
                region: 'Austin, TX',
                website: 'https://www.lakeside-dental.example.com/',
                lead_score: 'B',
              },
            ],
          },
        },
        response: {
          status: 200,
          description: 'A result per row.',
          schema: ref('LeadBulkResult'),
          example: {
            batch_id: '3c9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
            totals: {
              received: 3,
              created: 1,
              refused: 2,
              duplicates: 1,
              invalid: 0,
              suppressed: 1,
            },
            results: [
              { index: 0, status: 'created', id: LEAD_ID },
              {
                index: 1,
                status: 'refused',
                code: 'E_DUPLICATE_LEAD',
                message:
                  'A lead with this website already exists: 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
                field: 'website',
                existing_id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
              },
              {
                index: 2,
                status: 'refused',
                code: 'E_SUPPRESSED',
                message:
                  'This lead is on the do-not-contact list: the domain acme-dental.example.com is suppressed',
                field: 'website',
                entry: suppressionEntry,
              },
            ],
          },
        },
        errors: {
          413: `More than ${MAX_BULK_LEADS} leads (\`E_TOO_MANY_ROWS\`), or a body over 1 MB (\`E_BODY_TOO_LARGE\`): nothing is written.`,
          422: '`leads` is missing, empty or not an array (a bad row is a refused row, not a 422).',
        },
      },
    },
    '/api/leads/bulk-actions': {
      post: {
        operationId: 'actOnLeads',
        summary: 'Act on many leads at once',
        description: `One action over the rows a person ticked (\`ids\`, at most ${MAX_BULK_ACTION_IDS}) or over every lead the list's filters match when it runs (\`filter\`: the query parameters of \`GET /api/leads\` as an object, \`q\` and \`suppressed\` included; paging and sort are ignored), at most ${MAX_BULK_ACTION_ROWS.toLocaleString('en-US')} leads (more: 422 \`E_SELECTION_TOO_LARGE\`, nothing changed). \`set_status\` (stamps \`last_action_at\`, as a single status change does) and \`set_next_step\` (null clears it): whoever may update leads, closers included. \`delete\`: \`leads.delete\` (admins); linked tasks lose their link, each with its own event, as when one lead is deleted. Send the count you showed as \`expected_count\` (required for a \`delete\` by \`filter\`: 422 without it): when the selection now holds another number, nothing is changed (409 \`E_SELECTION_CHANGED\`, \`matched\` says how many). The action is ONE recorded change: a \`lead.bulk_status_changed\`, \`lead.bulk_next_step_set\` or \`lead.bulk_deleted\` event with the counts, and one audit row whose before/after keep the ids with their previous values (the whole rows for a delete). Agents: the same abilities, pause rule (423) and rate limits; a request counts as one write.`,
        access: LeadPermission.WriteFollowUp,
        body: {
          schema: bulkLeadActionValidator,
          example: {
            action: 'set_status',
            filter: { status: 'enriched', niche_like: 'dent' },
            expected_count: 42,
            status: 'contacted',
          },
        },
        response: {
          status: 200,
          description: 'What the action did.',
          schema: ref('LeadBulkActionResult'),
          example: {
            id: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
            action: 'set_status',
            matched: 42,
            changed: 40,
            unchanged: 2,
          },
        },
        errors: {
          403: 'The role may not do this action (`delete` needs `leads.delete`).',
          409: 'The selection holds another number of leads than `expected_count` (`E_SELECTION_CHANGED`): nothing is changed.',
          422: 'Neither or both of `ids` and `filter`; `status` missing for `set_status`, `next_step` missing for `set_next_step`; a filter the list refuses (`E_INVALID_QUERY`); more leads than the cap (`E_SELECTION_TOO_LARGE`).',
        },
      },
    },
    '/api/suppressions': {
      get: {
        operationId: 'listSuppressions',
        summary: 'List the do-not-contact entries',
        tags: ['Suppression'],
        access: LeadPermission.Suppress,
        list: SUPPRESSION_LIST,
        response: {
          status: 200,
          description: 'A page of entries.',
          schema: listOf('Suppression'),
          example: [suppression],
        },
      },
      post: {
        operationId: 'createSuppression',
        summary: 'Add a do-not-contact entry',
        description:
          'An e-mail address, or a domain (`acme.com`; `@acme.com` and a URL give the same). From then on, a lead it covers cannot be created (409 `E_SUPPRESSED`), bulk-created or imported (a refused row); existing ones are flagged (`suppressed`), left out of the CSV export unless asked for, and their drafts cannot be approved.',
        tags: ['Suppression'],
        access: LeadPermission.Suppress,
        body: {
          schema: createSuppressionValidator,
          example: { value: 'acme-dental.example.com', reason: suppression.reason },
        },
        response: {
          status: 201,
          description: 'The entry, as stored (normalized).',
          schema: ref('Suppression'),
          example: suppression,
        },
        errors: {
          409: 'The list already holds this value once normalized (`E_ALREADY_SUPPRESSED`, `existing_id` the entry).',
        },
      },
    },
    '/api/suppressions/bulk': {
      post: {
        operationId: 'createSuppressionsBulk',
        summary: 'Add many do-not-contact entries',
        description: `A pasted or uploaded list, up to ${MAX_SUPPRESSIONS_PER_REQUEST} values (one per item; the admin splits lines, commas and spaces). Each value is checked on its own: \`created\`, \`existing\` (already on the list, or earlier in this one: its entry), or \`refused\` with the reason. One recorded change (\`suppression.bulk_created\`, with the counts); none when nothing was added.`,
        tags: ['Suppression'],
        access: LeadPermission.Suppress,
        body: {
          schema: createSuppressionsBulkValidator,
          example: {
            values: ['jo@acme-dental.example.com', 'lakeside-dental.example.com', 'not a domain'],
            reason: 'Unsubscribed (newsletter export, March)',
          },
        },
        response: {
          status: 200,
          description: 'A result per value.',
          schema: ref('SuppressionBulkResult'),
          example: {
            batch_id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
            totals: { received: 3, created: 2, existing: 0, refused: 1 },
            results: [
              {
                index: 0,
                status: 'created',
                id: SUPPRESSION_ID,
                kind: 'email',
                value: 'jo@acme-dental.example.com',
              },
              {
                index: 1,
                status: 'created',
                id: '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c',
                kind: 'domain',
                value: 'lakeside-dental.example.com',
              },
              {
                index: 2,
                status: 'refused',
                code: 'E_VALIDATION_ERROR',
                errors: [
                  {
                    message:
                      '"not a domain" is neither an e-mail address nor a domain such as acme.com',
                    field: 'value',
                    rule: 'suppressionValue',
                  },
                ],
              },
            ],
          },
        },
      },
    },
    '/api/suppressions/{id}': {
      delete: {
        operationId: 'deleteSuppression',
        summary: 'Remove a do-not-contact entry',
        description:
          'The leads it covered are no longer suppressed (unless another entry covers them).',
        tags: ['Suppression'],
        access: LeadPermission.Suppress,
        response: { status: 204, description: 'Removed.' },
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
        query: {
          suppressed: suppressedParameter,
          include_suppressed: {
            schema: { type: 'boolean' },
            description:
              'Leads on the do-not-contact list are left out of the file unless `true` (or `suppressed=true`, which exports only them).',
          },
        },
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
      post: {
        operationId: 'exportSelectedLeads',
        summary: 'Export the selected leads as CSV',
        description: `The rows a person ticked (\`ids\`, at most ${MAX_BULK_ACTION_IDS}: more than a URL carries), written as \`GET /api/leads/export.csv\` writes them, in the list's default order. Leads on the do-not-contact list are left out unless \`include_suppressed\` is true. Same caps and stall rule as the export of a filter.`,
        access: LeadPermission.Export,
        body: {
          schema: exportSelectedLeadsValidator,
          example: { ids: [LEAD_ID] },
        },
        errors: {
          429: 'Too many exports running (`E_TOO_MANY_EXPORTS`), as for the export of a filter.',
        },
        response: {
          status: 200,
          description: 'The CSV file.',
          contentType: 'text/csv',
          schema: { type: 'string' },
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
