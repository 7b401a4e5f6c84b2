import { defineMcp } from '#mcp/kit'
import { Permission } from '#policies/permissions'
import { LeadPermission } from './permissions.js'
import { createLeadValidator, updateLeadValidator } from './validators/lead.js'
import { LEAD_LIST } from './services/lead_list.js'
import { createLeadsBulkValidator, MAX_BULK_LEADS } from './validators/lead_bulk.js'

const LEAD_ID = 'The lead’s id.'

/** The leads plugin's MCP tools: find a lead before creating it; the duplicate rule names the one that exists. */
export default defineMcp({
  tools: [
    {
      name: 'find_leads',
      title: 'Find leads',
      description:
        'Leads filtered and sorted like GET /api/leads: `q` searches names, websites and e-mails; `website`/`email` find one exactly. Use it before create_lead.',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/leads' },
      list: LEAD_LIST,
      readOnly: true,
      example: { q: 'dental', region: ['Austin, TX'], _end: 10 },
    },
    {
      name: 'get_lead',
      title: 'Read a lead',
      description: 'One lead with every field.',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/leads/{id}' },
      params: { id: LEAD_ID },
      readOnly: true,
      example: { id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' },
    },
    {
      name: 'create_lead',
      title: 'Create a lead',
      description:
        'A new lead. When a lead with the same normalized website or e-mail exists, nothing is written and the error names it (`E_DUPLICATE_LEAD`, its id and business name): work on that one instead.',
      access: LeadPermission.Write,
      request: { method: 'POST', path: '/api/leads' },
      body: createLeadValidator,
      example: {
        business_name: 'Smile Dental',
        niche: 'dentist',
        region: 'Austin, TX',
        website: 'https://smile-dental.example.com',
        lead_score: 'A',
      },
    },
    {
      name: 'create_leads_bulk',
      title: 'Create many leads',
      description: `Up to ${MAX_BULK_LEADS} leads in one call, each as create_lead takes it. The answer has a result per lead, in order: \`created\` with its id, or \`refused\` with the reason (\`E_DUPLICATE_LEAD\` and the existing lead’s id, \`E_SUPPRESSED\` and the do-not-contact entry, \`E_VALIDATION_ERROR\` and the field errors). Refused leads are not written; the others are.`,
      access: LeadPermission.Write,
      request: { method: 'POST', path: '/api/leads/bulk' },
      body: createLeadsBulkValidator,
      example: {
        leads: [
          {
            business_name: 'Smile Dental',
            niche: 'dentist',
            region: 'Austin, TX',
            website: 'https://smile-dental.example.com',
          },
          {
            business_name: 'Lakeside Family Dentistry',
            niche: 'dentist',
            region: 'Austin, TX',
            website: 'lakeside-dental.example.com',
            lead_score: 'B',
          },
        ],
      },
    },
    {
      name: 'update_lead',
      title: 'Update a lead',
      description:
        'Changes the fields it names (`notes` replaces the whole list). A change that would make it a duplicate of another lead is refused with that lead’s id.',
      access: LeadPermission.Write,
      request: { method: 'PATCH', path: '/api/leads/{id}' },
      params: { id: LEAD_ID },
      body: updateLeadValidator,
      example: { id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f', phone: '+1 512 555 0100' },
    },
  ],
  resources: [
    {
      name: 'lead',
      title: 'A lead',
      description: 'One lead, as GET /api/leads/{id} answers it.',
      access: Permission.ReadRecords,
      uri: 'mission-control://leads/{id}',
      path: '/api/leads/{id}',
    },
  ],
})
