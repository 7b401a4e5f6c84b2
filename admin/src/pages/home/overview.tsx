import { Suspense, useEffect, useState } from 'react'
import { Col, Row } from 'antd'
import { overviewCards } from '../../registry'
import { Loading } from '../../components/states'
import { SummaryProvider } from '../../components/overview_card'

/**
 * What an admin wants first: the cards the plugins add (a funnel, an
 * approval queue, decisions) and the host's (activity, spend, the agents),
 * every number from one GET /api/summary, refreshed each minute and soon
 * after things happen.
 */
export function Overview() {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60_000)
    return () => clearInterval(timer)
  }, [])
  return (
    <SummaryProvider tick={tick}>
      <Row gutter={[16, 16]}>
        {overviewCards().map(({ key, span, component: Card }) => (
          <Col key={key} xs={24} md={span ?? 12}>
            <Suspense fallback={<Loading minHeight={160} />}>
              <Card tick={tick} />
            </Suspense>
          </Col>
        ))}
      </Row>
    </SummaryProvider>
  )
}
