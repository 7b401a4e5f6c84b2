import { Suspense, useEffect, useState } from 'react'
import { Col, Row } from 'antd'
import { overviewCards } from '../../registry'
import { Loading } from '../../components/states'

/**
 * What an admin wants first: the cards the plugins add (a funnel, an
 * approval queue, decisions) and the agents' activity, refreshed each minute.
 */
export function Overview() {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60_000)
    return () => clearInterval(timer)
  }, [])
  return (
    <Row gutter={[16, 16]}>
      {overviewCards().map(({ key, span, component: Card }) => (
        <Col key={key} xs={24} md={span ?? 12}>
          <Suspense fallback={<Loading minHeight={160} />}>
            <Card tick={tick} />
          </Suspense>
        </Col>
      ))}
    </Row>
  )
}
