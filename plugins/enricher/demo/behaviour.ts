/**
 * The built-in enricher's behaviour in the demo crew (`npm start -- --demo`,
 * `node ace agents:demo`): one step at a time, through the typed agent
 * client and the REST API, like any agent outside the server.
 */
import { ApiError, type Lead } from '#client/index'
import {
  settingsOf,
  type CostProfile,
  type CrewRole,
  type StepContext,
} from '#demo_crew/crew_member'
import { enrich } from '#client/demo_world'
import { ENRICHABLE_FIELDS as ENRICHABLE, type EnrichableField as Enrichable } from '../fields.js'

/* enriching reads the lead's site and asks a small model to fill the fields */
const LOOKUP: CostProfile = {
  model: 'gpt-4.1-mini',
  inputTokens: [800, 2500],
  outputTokens: [100, 400],
}

/** Completes the newest new lead: contact, role, email, phone, notes; then it is `enriched`. */
export class Enricher implements CrewRole {
  readonly type = 'enricher'
  readonly intervalMs = 3000

  async step({ client, self, settings, signal, say, emit, spend, log }: StepContext) {
    const page = await client.leads.list(
      { status: 'new', _sort: 'created_at', _order: 'desc', _end: 1 },
      { signal }
    )
    const lead = page.data[0]
    if (!lead) return false
    await say('Enriching new leads')

    if (settings.random() < 0.05) {
      const reason = 'The website is down and no contact page could be found'
      await client.leads.update(
        lead.id,
        {
          status: 'lost',
          next_step: 'Revisit next quarter',
          notes: [...lead.notes, reason].slice(-50),
        },
        { signal }
      )
      await emit({ event_type: 'lead.enrichment_failed', payload: { lead_id: lead.id, reason } })
      log(`could not enrich ${lead.business_name}`)
      return true
    }

    const wanted = settingsOf(self).fields
    const fields = (Array.isArray(wanted) ? wanted : ENRICHABLE).filter((f): f is Enrichable =>
      ENRICHABLE.includes(f as Enrichable)
    )
    const found = await spend(`Enrich ${lead.business_name}`, LOOKUP, async () =>
      enrich(lead, settings.random)
    )
    const changes: Partial<Record<Enrichable, unknown>> = {}
    for (const field of fields) {
      if (field === 'phone' && lead.phone) continue
      if (field === 'notes' && found.notes.length === lead.notes.length) continue
      if (found[field] !== null && found[field] !== lead[field as keyof Lead])
        changes[field] = found[field]
    }
    const updated = await this.#update(client, lead, changes, signal)
    const filled = ENRICHABLE.filter((field) => field in updated)
    if (filled.length > 0) {
      await emit({ event_type: 'lead.enriched', payload: { lead_id: lead.id, fields: filled } })
    }
    log(`enriched ${lead.business_name}: ${filled.join(', ') || 'nothing new'}`)
    return true
  }

  /** Saves and moves the lead to `enriched`; an email another lead has is left out. */
  async #update(
    client: StepContext['client'],
    lead: Lead,
    changes: Partial<Record<Enrichable, unknown>>,
    signal: AbortSignal
  ) {
    const body = { ...changes, status: 'enriched' as const, next_step: 'Write a first email' }
    try {
      await client.leads.update(lead.id, body as any, { signal })
      return changes
    } catch (error) {
      if (
        !(error instanceof ApiError) ||
        error.code !== 'E_DUPLICATE_LEAD' ||
        !('email' in changes)
      ) {
        throw error
      }
      const { email: _email, ...rest } = changes
      await client.leads.update(
        lead.id,
        { ...rest, status: 'enriched', next_step: 'Write a first email' } as any,
        {
          signal,
        }
      )
      return rest
    }
  }
}

/** A fresh enricher for one crew agent. */
export default () => new Enricher()
