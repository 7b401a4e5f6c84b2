/**
 * The built-in lead finder's behaviour in the demo crew (`npm start -- --demo`,
 * `node ace agents:demo`): one step at a time, through the typed agent
 * client and the REST API, like any agent outside the server.
 */
import { ApiError, type Task } from '#client/index'
import {
  settingsOf,
  type CostProfile,
  type CrewRole,
  type StepContext,
} from '#demo_crew/crew_member'
import { findBusiness, readSearch, isSearch, type Search } from '#client/demo_world'

/* each candidate business is one search call and a small model call to read it */
const LOOKUP: CostProfile = {
  model: 'gpt-4.1-mini',
  inputTokens: [800, 2500],
  outputTokens: [100, 400],
}

/** Works the search task it was handed: adds leads one by one, then hands the finished card to the admins. */
export class LeadFinder implements CrewRole {
  readonly type = 'lead_finder'
  readonly intervalMs = 3000
  #current: { task: Task; search: Search; found: number; tries: number } | null = null

  async step({ client, self, settings, signal, say, emit, spend, log }: StepContext) {
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
    const business = await spend(`Search ${search.niche} in ${search.region}`, LOOKUP, async () =>
      findBusiness(search, settings.random)
    )
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

/** A fresh lead finder for one crew agent. */
export default () => new LeadFinder()
