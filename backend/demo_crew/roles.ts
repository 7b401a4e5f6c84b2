/**
 * The built-in crew's behaviour, one role per agent type. Each talks to the
 * others only through the API: the orchestrator leaves search tasks on the
 * board for the lead finder, the enricher picks up new leads, the copywriter
 * enriched ones, and the admin's approval inbox is where the work ends.
 * The event types and payloads are the ones the agent-type plugins declare.
 */
import { ApiError, type Agent, type Draft, type Lead, type Task } from '../agent_client/index.js'
import type { CrewRole, StepContext } from './crew_member.js'
import {
  describeSearch,
  enrich,
  findBusiness,
  newSearch,
  pick,
  readSearch,
  revise,
  writeEmail,
  type Search,
  type Tone,
} from './world.js'

function settingsOf(agent: { metadata: Record<string, unknown> }) {
  const settings = agent.metadata?.settings
  return (settings && typeof settings === 'object' ? settings : {}) as Record<string, unknown>
}

const isSearch = (task: Task) => readSearch(task.description) !== null

/** Plans searches for the lead finder and hands them over, while the pipeline has room. */
export class Orchestrator implements CrewRole {
  readonly type = 'orchestrator'
  readonly intervalMs = 4000
  #finder: Agent | null = null

  async step({ client, self, settings, signal, say, emit, log }: StepContext) {
    this.#finder ??=
      (
        await client.agents.list(
          { type: 'lead_finder', _sort: 'created_at', _order: 'asc', _end: 10 },
          { signal }
        )
      ).data.sort(
        (a, b) => Number(b.name === 'lead_finder') - Number(a.name === 'lead_finder')
      )[0] ?? null
    const finder = this.#finder
    if (!finder) return false

    const open = await client.tasks.list(
      {
        owner_id: finder.id,
        column: ['backlog', 'doing'],
        _sort: 'created_at',
        _order: 'asc',
        _end: 100,
      },
      { signal }
    )
    const searches = open.data.filter(isSearch)
    const next = searches.find((task) => task.column === 'backlog')
    if (next && !searches.some((task) => task.column === 'doing')) {
      await say(`Handing "${next.title}" to ${finder.name}`, next.id)
      await client.tasks.move(next.id, 'doing', { signal })
      await emit({
        event_type: 'work.assigned',
        task_id: next.id,
        payload: { task_id: next.id, agent_id: finder.id, note: `Over to ${finder.name}` },
      })
      log(`assigned "${next.title}" to ${finder.name}`)
      return true
    }

    const maxOpen = Number(settingsOf(self).max_open_tasks ?? 2)
    if (searches.length >= maxOpen) return false
    const [fresh, inbox] = await Promise.all([
      client.leads.list({ status: 'new', created_at_gte: settings.startedAt, _end: 1 }, { signal }),
      client.drafts.list({ status: 'needs_approval', _end: 1 }, { signal }),
    ])
    if (fresh.total >= 6 || inbox.total >= settings.inboxLimit) return false

    const fixed = settingsOf(finder)
    const search = newSearch(settings.random, {
      niche: typeof fixed.niche === 'string' ? fixed.niche : undefined,
      region: typeof fixed.region === 'string' ? fixed.region : undefined,
    })
    const goal = `Reach ${search.niche.toLowerCase()} in ${search.region}`
    await say(`Planning: ${goal}`)
    const task = await client.tasks.create(
      {
        title: `Find ${search.niche.toLowerCase()} in ${search.region}`,
        description: describeSearch(search),
        priority: settings.random() < 0.3 ? 'high' : 'med',
        owner_type: 'agent',
        owner_id: finder.id,
      },
      { signal }
    )
    await emit({
      event_type: 'goal.planned',
      task_id: task.id,
      payload: { goal, task_ids: [task.id] },
    })
    log(`planned: ${goal}`)
    return true
  }
}

/** Works the search task it was handed: adds leads one by one, then hands the finished card to the admins. */
export class LeadFinder implements CrewRole {
  readonly type = 'lead_finder'
  readonly intervalMs = 3000
  #current: { task: Task; search: Search; found: number; tries: number } | null = null

  async step({ client, self, settings, signal, say, emit, log }: StepContext) {
    if (!this.#current) {
      const mine = await client.tasks.list(
        { owner_id: self.id, column: 'doing', _sort: 'created_at', _order: 'asc', _end: 20 },
        { signal }
      )
      const task = mine.data.find(isSearch)
      if (!task) return false
      const search = readSearch(task.description)!
      const cap = Number(settingsOf(self).max_leads_per_search ?? search.count)
      this.#current = {
        task,
        search: { ...search, count: Math.min(search.count, cap) },
        found: 0,
        tries: 0,
      }
      await say(`Searching ${search.niche.toLowerCase()} in ${search.region}`, task.id)
      await emit({
        event_type: 'lead.search_started',
        task_id: task.id,
        payload: { niche: search.niche, region: search.region },
      })
      return true
    }

    const current = this.#current
    const { task, search } = current
    current.tries++
    const business = findBusiness(search, settings.random)
    const result = await client.leads.create(business, { signal })
    if (result.created) {
      current.found++
      log(`found ${business.business_name} (${business.region})`)
      await emit({
        event_type: 'lead.found',
        task_id: task.id,
        payload: {
          lead_id: result.id,
          business_name: business.business_name,
          website: business.website,
        },
      })
    } else {
      log(`already known: ${business.business_name}`)
    }

    if (current.found >= search.count || current.tries >= search.count * 3) {
      this.#current = null
      await emit({
        event_type: 'lead.search_finished',
        task_id: task.id,
        payload: { niche: search.niche, region: search.region, found: current.found },
      })
      try {
        await client.tasks.update(
          task.id,
          {
            // finished, with no draft for an admin to decide (Needs approval means a
            // draft waits for a decision): the card stays in Doing, handed to the
            // admins to close, and the orchestrator hands out the next search
            owner_type: 'admin',
            owner_id: null,
            description: `${task.description}\n\nSearch finished: found ${current.found} new lead(s).`,
          },
          { signal }
        )
      } catch (error) {
        /* someone moved or deleted the card meanwhile: the search is done anyway */
        if (!(error instanceof ApiError) || ![403, 404, 409].includes(error.status)) throw error
      }
      await say(
        `Search done: ${current.found} lead(s) for ${search.niche.toLowerCase()} in ${search.region}`
      )
    }
    return true
  }
}

const ENRICHABLE = ['contact_name', 'contact_role', 'email', 'phone', 'notes'] as const
type Enrichable = (typeof ENRICHABLE)[number]

/** Completes the newest new lead: contact, role, email, phone, notes; then it is `enriched`. */
export class Enricher implements CrewRole {
  readonly type = 'enricher'
  readonly intervalMs = 3000

  async step({ client, self, settings, signal, say, emit, log }: StepContext) {
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
    const found = enrich(lead, settings.random)
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

/**
 * Writes an email for the newest enriched lead: a card linked to the lead
 * and the draft, moved to doing, version 1, sometimes a revision, then
 * submitted (the card follows to needs_approval). Drafts an admin sent back
 * with notes are revised and resubmitted first.
 */
export class Copywriter implements CrewRole {
  readonly type = 'copywriter'
  readonly intervalMs = 5000

  async step(context: StepContext) {
    const { client, self, settings, signal } = context
    const returned = await client.drafts.list(
      { status: 'draft', created_by: self.id, _sort: 'updated_at', _order: 'asc', _end: 1 },
      { signal }
    )
    if (returned.data[0]) {
      await this.#rework(context, returned.data[0].id)
      return true
    }

    const inbox = await client.drafts.list({ status: 'needs_approval', _end: 1 }, { signal })
    if (inbox.total >= settings.inboxLimit) return false
    const lead = (
      await client.leads.list(
        { status: 'enriched', _sort: 'updated_at', _order: 'desc', _end: 1 },
        { signal }
      )
    ).data[0]
    if (!lead) return false
    await this.#write(context, lead)
    return true
  }

  async #write({ client, self, settings, signal, say, emit, log }: StepContext, lead: Lead) {
    const tone = (settingsOf(self).tone as Tone | undefined) ?? 'friendly'
    const task = await client.tasks.create(
      {
        title: `Outreach email: ${lead.business_name}`,
        description: `First email to ${lead.contact_name ?? lead.business_name} (${lead.niche}, ${lead.region}).`,
        priority: lead.lead_score === 'A' ? 'high' : lead.lead_score === 'B' ? 'med' : 'low',
        owner_type: 'agent',
        owner_id: self.id,
        linked_lead_id: lead.id,
      },
      { signal }
    )
    await client.tasks.move(task.id, 'doing', { signal })
    await say(`Writing to ${lead.business_name}`, task.id)

    const email = writeEmail(lead, tone, settings.random)
    const draft = await client.drafts.create(
      {
        lead_id: lead.id,
        channel: 'email',
        draft_type: 'cold_email',
        content: `Subject: ${email.subject}\n\n${email.body}`,
        change_note: 'First version',
      },
      { signal }
    )
    await client.tasks.update(task.id, { linked_draft_id: draft.id }, { signal })
    await emit({
      event_type: 'draft.written',
      task_id: task.id,
      payload: { draft_id: draft.id, lead_id: lead.id, version: 1 },
    })

    if (settings.random() < 0.4) {
      const second = revise(draft.content ?? '', settings.random)
      const version = await client.drafts.addVersion(
        draft.id,
        { ...second, base_version: draft.current_version },
        { signal }
      )
      await emit({
        event_type: 'draft.revised',
        task_id: task.id,
        payload: {
          draft_id: draft.id,
          version: version.version_number,
          change_note: second.change_note,
        },
      })
    }
    await client.drafts.submit(draft.id, { signal })
    log(`submitted an email to ${lead.business_name} for approval`)
  }

  /** A draft back from review (or left unsubmitted): revise it with the reviewer's notes, resubmit. */
  async #rework(context: StepContext, draftId: string) {
    const { client, signal, say, emit, log } = context
    const draft = await client.drafts.get(draftId, { signal })
    const [request] = (
      await client.approvals.list(
        {
          draft_id: draft.id,
          action: 'request_changes',
          _sort: 'decided_at',
          _order: 'desc',
          _end: 1,
        },
        { signal }
      )
    ).data
    const task = (await client.tasks.list({ linked_draft_id: draft.id, _end: 1 }, { signal }))
      .data[0]
    await say(`Revising a draft${request ? ' after review' : ''}`, task?.id ?? null)
    if (request) {
      const next = await this.#rewrite(context, draft, request.notes)
      const version = await client.drafts.addVersion(
        draft.id,
        { ...next, base_version: draft.current_version },
        { signal }
      )
      await emit({
        event_type: 'draft.revised',
        task_id: task?.id ?? null,
        payload: {
          draft_id: draft.id,
          version: version.version_number,
          change_note: next.change_note,
        },
      })
    }
    await client.drafts.submit(draft.id, { signal })
    log(`resubmitted draft ${draft.id}`)
  }

  /** Rewrites the email from its lead, in another tone, following the reviewer's notes. */
  async #rewrite(
    { client, self, settings, signal }: StepContext,
    draft: Draft,
    notes: string | null
  ) {
    const change_note = `Rewrote it following the review${notes ? `: ${notes}` : ''}`.slice(0, 1000)
    const lead = draft.lead_id
      ? await client.leads.get(draft.lead_id, { signal }).catch(() => null)
      : null
    if (!lead) return { ...revise(draft.content ?? '', settings.random), change_note }
    const own = settingsOf(self).tone as Tone | undefined
    const others = (['friendly', 'formal', 'direct'] as const).filter((tone) => tone !== own)
    const email = writeEmail(lead, pick(others, settings.random), settings.random)
    return { content: `Subject: ${email.subject}\n\n${email.body}`, change_note }
  }
}

export const ROLES: Record<string, () => CrewRole> = {
  orchestrator: () => new Orchestrator(),
  lead_finder: () => new LeadFinder(),
  enricher: () => new Enricher(),
  copywriter: () => new Copywriter(),
}
