import vine from '@vinejs/vine'
import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

/** The Copywriter agent type of the built-in crew: writes and revises outreach drafts. */
export default definePlugin({
  name: 'copywriter',
  label: 'Copywriter',
  description: 'Writes outreach drafts for leads and submits them for approval.',
  uses: ['leads', 'drafts'],
  agentTypes: [
    {
      name: 'copywriter',
      label: 'Copywriter',
      demo: () => import('./demo/behaviour.js'),
      description: 'Writes outreach drafts for leads and submits them for approval.',
      abilities: [Permission.WriteTasks, 'drafts.write', Permission.EmitEvents],
      settings: vine.object({
        tone: vine.enum(['friendly', 'formal', 'direct'] as const).optional(),
        /** BCP 47 language tag of the drafts it writes (`en`, `de-CH`). */
        language: vine
          .string()
          .trim()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
          .optional(),
      }),
      events: [
        {
          type: 'draft.written',
          description: 'A first version of a draft was written.',
          payload: vine.object({
            draft_id: vine.string().uuid(),
            lead_id: vine.string().uuid().nullable().optional(),
            version: vine.number().withoutDecimals().min(1),
          }),
        },
        {
          type: 'draft.revised',
          description: 'A draft got a new version, after changes were requested or on its own.',
          payload: vine.object({
            draft_id: vine.string().uuid(),
            version: vine.number().withoutDecimals().min(2),
            change_note: vine.string().trim().maxLength(1000).optional(),
          }),
        },
      ],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
})
