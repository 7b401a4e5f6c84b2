import vine from '@vinejs/vine'
import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

import { ENRICHABLE_FIELDS } from './fields.js'

/** The Enricher agent type of the built-in crew: completes leads and says which fields it filled. */
export default definePlugin({
  name: 'enricher',
  label: 'Enricher',
  description: 'Completes leads: contact person, role, email, phone, and personalization notes.',
  uses: ['leads'],
  agentTypes: [
    {
      name: 'enricher',
      label: 'Enricher',
      demo: () => import('./demo/behaviour.js'),
      description:
        'Completes leads: contact person, role, email, phone, and personalization notes.',
      abilities: [Permission.WriteTasks, 'leads.write', Permission.EmitEvents],
      settings: vine.object({
        /** The fields it tries to fill; all of them when absent. */
        fields: vine.array(vine.enum(ENRICHABLE_FIELDS)).minLength(1).distinct().optional(),
      }),
      events: [
        {
          type: 'lead.enriched',
          description: 'A lead was completed; `fields` lists what was filled in.',
          payload: vine.object({
            lead_id: vine.string().uuid(),
            fields: vine.array(vine.enum(ENRICHABLE_FIELDS)).minLength(1).distinct(),
          }),
        },
        {
          type: 'lead.enrichment_failed',
          description: 'A lead could not be completed, and why.',
          payload: vine.object({
            lead_id: vine.string().uuid(),
            reason: vine.string().trim().minLength(1).maxLength(500),
          }),
        },
      ],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
})
