import vine from '@vinejs/vine'
import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

const niche = () => vine.string().trim().minLength(1).maxLength(200)
const region = () => vine.string().trim().minLength(1).maxLength(200)

/** The Lead finder agent type of the built-in crew: searches, and reports each lead it adds. */
export default definePlugin({
  name: 'lead_finder',
  label: 'Lead finder',
  description: 'Finds businesses that fit the niche and region, and adds them as leads.',
  uses: ['leads'],
  agentTypes: [
    {
      name: 'lead_finder',
      label: 'Lead finder',
      demo: () => import('./demo/behaviour.js'),
      description: 'Finds businesses that fit the niche and region, and adds them as leads.',
      abilities: [Permission.WriteTasks, 'leads.write', Permission.EmitEvents],
      settings: vine.object({
        niche: niche().optional(),
        region: region().optional(),
        max_leads_per_search: vine.number().withoutDecimals().range([1, 500]).optional(),
      }),
      events: [
        {
          type: 'lead.search_started',
          description: 'A search for businesses of a niche in a region began.',
          payload: vine.object({ niche: niche(), region: region() }),
        },
        {
          type: 'lead.found',
          description: 'A business was found and added as a lead.',
          payload: vine.object({
            lead_id: vine.string().uuid(),
            business_name: vine.string().trim().minLength(1).maxLength(200),
            website: vine.string().url(),
          }),
        },
        {
          type: 'lead.search_finished',
          description: 'A search ended; `found` leads were added.',
          payload: vine.object({
            niche: niche(),
            region: region(),
            found: vine.number().withoutDecimals().min(0),
          }),
        },
      ],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
})
