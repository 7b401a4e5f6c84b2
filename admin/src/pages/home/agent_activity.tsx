import { Empty } from 'antd'
import { Bars, OverviewCardFrame, useSummaryPart } from '../../components/overview_card'

/** The host's card: what each agent did in the last day (from the Home's summary). */
export default function AgentActivityCard() {
  const state = useSummaryPart((summary) => summary.agents.activity)
  return (
    <OverviewCardFrame title="Agent activity (events, 24 h)" state={state}>
      {(agents) =>
        agents.length ? (
          <Bars rows={agents.map((a) => ({ label: a.name, value: a.events_24h }))} />
        ) : (
          <Empty description="No agents yet" />
        )
      }
    </OverviewCardFrame>
  )
}
