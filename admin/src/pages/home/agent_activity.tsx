import { Empty } from 'antd'
import { API_URL, http } from '../../providers/http'
import { Bars, countOf, OverviewCardFrame, useOverviewData } from '../../components/overview_card'

async function loadAgentActivity() {
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString()
  const { data } = await http.get<{ id: string; name: string; status: string }[]>(
    `${API_URL}/agents`,
    { params: { _start: 0, _end: 50, _sort: 'name', _order: 'asc' } }
  )
  return Promise.all(
    data.map(async (agent) => ({
      name: agent.name,
      events: await countOf('events', { agent_id: agent.id, created_at_gte: since }),
    }))
  )
}

/** The host's card: what each agent did in the last day. */
export default function AgentActivityCard({ tick }: { tick: number }) {
  const state = useOverviewData(loadAgentActivity, tick)
  return (
    <OverviewCardFrame title="Agent activity (events, 24 h)" state={state}>
      {(agents) =>
        agents.length ? (
          <Bars rows={agents.map((a) => ({ label: a.name, value: a.events }))} />
        ) : (
          <Empty description="No agents yet" />
        )
      }
    </OverviewCardFrame>
  )
}
