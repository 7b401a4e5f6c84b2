import Lead from '../../leads/models/lead.js'
import { LeadScore, LeadStatus } from '../../leads/enums.js'
import { call, type Actors } from '#tests/helpers/actors'

/** A lead to write drafts for (inserted directly: the leads API is not under test here). */
export async function makeLead(status: LeadStatus = LeadStatus.New) {
  const unique = Math.random().toString(36).slice(2, 10)
  return Lead.create({
    businessName: `Smile Dental ${unique}`,
    niche: 'dentist',
    region: 'Austin, TX',
    website: `https://smile-${unique}.example.com`,
    source: 'test',
    leadScore: LeadScore.A,
    status,
    notes: [],
  })
}

export async function makeDraft(
  actors: Actors,
  body: Record<string, unknown> = {},
  token = actors.tokens.agent
) {
  const response = await call(token, 'POST', '/api/drafts', {
    channel: 'email',
    draft_type: 'cold_email',
    content: 'Hi Dr. Smith, I noticed your new clinic...',
    ...body,
  })
  if (response.status !== 201)
    throw new Error(`draft not created: ${JSON.stringify(response.body)}`)
  return response.body as { id: string; status: string; current_version: number; content: string }
}

export async function submitted(actors: Actors, body: Record<string, unknown> = {}) {
  const draft = await makeDraft(actors, body)
  const response = await call(actors.tokens.agent, 'POST', `/api/drafts/${draft.id}/submit`)
  if (response.status !== 200) throw new Error(`not submitted: ${JSON.stringify(response.body)}`)
  return response.body as typeof draft
}
