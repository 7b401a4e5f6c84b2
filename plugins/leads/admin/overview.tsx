import { Bars, countOf, OverviewCardFrame, useOverviewData } from '@admin/components/overview_card'
import { LEAD_STATUSES } from './shared'

async function loadFunnel() {
  const counts = await Promise.all(LEAD_STATUSES.map((status) => countOf('leads', { status })))
  return LEAD_STATUSES.map((status, i) => ({ label: status, value: counts[i] }))
}

/** The home page's funnel: how many leads stand at each status. */
export default function LeadFunnelCard({ tick }: { tick: number }) {
  const state = useOverviewData(loadFunnel, tick)
  return (
    <OverviewCardFrame title="Leads by status (funnel)" state={state}>
      {(rows) => <Bars rows={rows} />}
    </OverviewCardFrame>
  )
}
