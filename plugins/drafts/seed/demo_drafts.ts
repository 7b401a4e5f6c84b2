import type { PluginSeeder } from '#plugin_host/define_plugin'

const DEMO_DRAFTS = 12

const OPENERS = [
  'I came across {name} while looking at {niche} practices in {region}',
  'Congratulations on the reviews {name} has been getting lately',
  'Quick question about how {name} books new clients',
]

const BODIES = [
  'We help {niche} businesses fill quiet weekday slots with a simple follow-up sequence. Would a 15-minute call next week be useful?',
  'Most {niche} owners we talk to lose a few leads a week to slow replies. We set up instant, personal answers; happy to show you how it would look for {name}.',
]

function fill(template: string, lead: { business_name: string; niche: string; region: string }) {
  return template
    .replaceAll('{name}', lead.business_name)
    .replaceAll('{niche}', lead.niche)
    .replaceAll('{region}', lead.region)
}

/**
 * A dozen drafts for the first enriched or new leads, written by the demo
 * copywriter: some still drafts, some revised, most waiting for approval,
 * a few already decided by the first admin, so the inbox, the version
 * history and the replay have something true to show. Runs only while
 * there is no draft at all.
 */
const seed: PluginSeeder = async ({ app }) => {
  const { default: Draft } = await import('../models/draft.js')
  if (await Draft.query().first()) return

  const { default: Agent } = await import('#models/agent')
  const { default: User } = await import('#models/user')
  const { createDraft } = await import('../actions/create_draft.js')
  const { addVersion } = await import('../actions/add_version.js')
  const { submitDraft } = await import('../actions/submit_draft.js')
  const { decideDraft } = await import('../actions/decide_draft.js')
  const { ActorType } = await import('#enums/actor_type')
  const { ApprovalAction, DraftChannel } = await import('../enums.js')

  const writer = await Agent.findBy('name', 'copywriter')
  const admin = await User.query().where('role', 'admin').orderBy('created_at').first()
  if (!writer || !admin) return
  const asWriter = { actor: { type: ActorType.Agent, id: writer.id, name: writer.name } }
  const asAdmin = { actor: { type: ActorType.User, id: admin.id } }

  const funnel = await app.container.make('leads.funnel')
  const leads = await funnel.oldest(['new', 'enriched'], DEMO_DRAFTS)
  for (const [index, lead] of leads.entries()) {
    const facts = { business_name: lead.business_name, niche: lead.niche, region: lead.region }
    const first = `${fill(OPENERS[index % OPENERS.length], facts)}.\n\n${fill(BODIES[index % BODIES.length], facts)}`
    const draft = await createDraft(asWriter, writer, {
      lead_id: lead.id,
      channel: index % 4 === 3 ? DraftChannel.Linkedin : DraftChannel.Email,
      draft_type: index % 4 === 3 ? 'connection_note' : 'cold_email',
      content: first,
      change_note: 'First draft',
    })
    if (index % 3 !== 2) {
      await addVersion(asWriter, writer, draft.id, {
        content: `${first}\n\nBest,\nAlex`,
        change_note: 'Added a sign-off',
        base_version: 1,
      })
    }
    if (index % 6 === 5) continue // left as a draft
    await submitDraft(asWriter, draft.id)
    const current = (await Draft.findOrFail(draft.id)).currentVersion
    if (index % 6 === 0) {
      await decideDraft(asAdmin, admin, draft.id, {
        action: ApprovalAction.Approve,
        version: current,
      })
    } else if (index % 6 === 1) {
      await decideDraft(asAdmin, admin, draft.id, {
        action: ApprovalAction.RequestChanges,
        version: current,
        notes: 'Mention something specific about their reviews',
      })
    }
  }
}

export default seed
