/**
 * The built-in orchestrator's behaviour in the demo crew (`npm start -- --demo`,
 * `node ace agents:demo`): one step at a time, through the typed agent
 * client and the REST API, like any agent outside the server.
 */
import { type Agent } from '#client/index'
import { settingsOf, type CrewRole, type StepContext } from '#demo_crew/crew_member'
import { describeSearch, newSearch, isSearch } from '#client/demo_world'

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

/** A fresh orchestrator for one crew agent. */
export default () => new Orchestrator()
