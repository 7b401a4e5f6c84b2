/**
 * The built-in copywriter's behaviour in the demo crew (`npm start -- --demo`,
 * `node ace agents:demo`): one step at a time, through the typed agent
 * client and the REST API, like any agent outside the server.
 */
import { type Draft, type Lead } from '#client/index'
import {
  settingsOf,
  type CostProfile,
  type CrewRole,
  type StepContext,
} from '#demo_crew/crew_member'
import { pick, revise, writeEmail, type Tone } from '#client/demo_world'

/* a draft is a big model call: the lead, the brief and examples in, an email out */
const WRITING: CostProfile = {
  model: 'claude-sonnet-4',
  inputTokens: [1500, 4000],
  outputTokens: [300, 900],
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

  async #write({ client, self, settings, signal, say, emit, spend, log }: StepContext, lead: Lead) {
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

    const draft = await spend(`Write an email to ${lead.business_name}`, WRITING, () => {
      const email = writeEmail(lead, tone, settings.random)
      return client.drafts.create(
        {
          lead_id: lead.id,
          channel: 'email',
          draft_type: 'cold_email',
          content: `Subject: ${email.subject}\n\n${email.body}`,
          change_note: 'First version',
        },
        { signal }
      )
    })
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
    const { client, signal, say, emit, spend, log } = context
    const draft = await client.drafts.get(draftId, { signal })
    // the reviewer's last word on it, meant for its author: notes of a request for changes
    const [latest] = (await client.drafts.feedback(draft.id, { signal })).decisions
    const request = latest?.action === 'request_changes' ? latest : undefined
    const task = (await client.tasks.list({ linked_draft_id: draft.id, _end: 1 }, { signal }))
      .data[0]
    await say(`Revising a draft${request ? ' after review' : ''}`, task?.id ?? null)
    if (request) {
      const next = await spend('Revise a draft after review', WRITING, () =>
        this.#rewrite(context, draft, request.notes)
      )
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

/** A fresh copywriter for one crew agent. */
export default () => new Copywriter()
