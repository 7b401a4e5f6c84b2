import { useCallback, useEffect, useState } from 'react'
import { useGetIdentity } from '@refinedev/core'
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd'
import { API_URL, http, toHttpError } from '../../providers/http'
import type { Me } from '../../providers/auth'
import { Overview } from './overview'

interface Health {
  status: 'ok' | 'degraded' | 'down'
  db: 'ok' | 'down'
  redis: 'ok' | 'down' | 'disabled'
}

const COLORS: Record<string, 'success' | 'warning' | 'error' | 'default'> = {
  ok: 'success',
  degraded: 'warning',
  down: 'error',
  disabled: 'default',
}

function useHealth(intervalMs = 15_000) {
  const [health, setHealth] = useState<Health | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      // 503 still carries the {status, db, redis} body: show it.
      const { data } = await http.get<Health>(`${API_URL}/health`, {
        validateStatus: (status) => status === 200 || status === 503,
      })
      setHealth(data)
      setError(null)
    } catch (failure) {
      setError(toHttpError(failure).message)
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void load()
    const timer = setInterval(load, intervalMs)
    return () => clearInterval(timer)
  }, [load, intervalMs])

  return { health, error, loading, reload: load }
}

export default function HomePage() {
  const { data: me, isLoading: meLoading } = useGetIdentity<Me>()
  const { health, error, loading, reload } = useHealth()

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Mission Control
      </Typography.Title>
      <Overview />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card
            title="API health"
            extra={
              <Button size="small" onClick={() => void reload()} loading={loading}>
                Refresh
              </Button>
            }
          >
            {error ? (
              <Alert type="error" showIcon message="Health check failed" description={error} />
            ) : !health ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : (
              <Descriptions column={1} size="small">
                {(['status', 'db', 'redis'] as const).map((key) => (
                  <Descriptions.Item
                    key={key}
                    label={key === 'db' ? 'Database' : key === 'redis' ? 'Redis' : 'Status'}
                  >
                    <Badge status={COLORS[health[key]] ?? 'default'} text={health[key]} />
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title="Signed in as">
            {meLoading ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : !me ? (
              <Alert type="warning" showIcon message="Your identity could not be loaded" />
            ) : (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="Email">{me.email}</Descriptions.Item>
                <Descriptions.Item label="Role">
                  <Tag color="blue">{me.role}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label="Permissions">
                  <Space size={[4, 4]} wrap>
                    {me.permissions.map((permission) => (
                      <Tag key={permission}>{permission}</Tag>
                    ))}
                  </Space>
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  )
}
