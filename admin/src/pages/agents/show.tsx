import { Suspense } from 'react'
import { useOne, useShow } from '@refinedev/core'
import { Show } from '@refinedev/antd'
import { Badge, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/states'
import { TimeAgo } from '../../components/time_ago'
import { JsonBlock } from '../../components/json_block'
import { EventList } from '../../components/event_list'
import { useRecentEvents } from '../../realtime/event_feed'
import { formatDateTime, shortId } from '../../lib/format'
import { AGENT_STATUS_BADGES, type AgentRecord } from '../../lib/agents'
import type { TaskRecord } from '../../lib/tasks'
import { AgentControls } from './agent_controls'
import { AgentTokens } from './agent_tokens'
import { AgentSpend } from './agent_spend'
import { AgentRateLimits } from './agent_rate_limits'
import { agentPanels } from '../../registry'

function CurrentTask({ id }: { id: string | null }) {
  const { result } = useOne<TaskRecord>({
    resource: 'tasks',
    id: id ?? undefined,
    queryOptions: { enabled: Boolean(id) },
    errorNotification: false,
  })
  if (!id) return <>—</>
  return <Link to={`/tasks/show/${id}`}>{result?.title ?? shortId(id)}</Link>
}

function AgentActivity({ id }: { id: string }) {
  const { events, loading, error } = useRecentEvents({
    limit: 30,
    query: { agent_id: id },
    match: (event) => event.agentId === id,
  })
  return (
    <Card title="Recent activity" size="small">
      {error && <QueryError title="The activity could not be loaded" error={{ message: error }} />}
      <EventList events={events} loading={loading} />
    </Card>
  )
}

export default function AgentShow() {
  const { query, result: agent } = useShow<AgentRecord>()

  return (
    <Show isLoading={query.isLoading} title={agent ? `Agent ${agent.name}` : 'Agent'}>
      {query.isError ? (
        <QueryError
          title="This agent could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : agent ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions
                column={1}
                bordered
                size="small"
                extra={<AgentControls agent={agent} />}
              >
                <Descriptions.Item label="Name">{agent.name}</Descriptions.Item>
                <Descriptions.Item label="Type">{agent.type}</Descriptions.Item>
                <Descriptions.Item label="Status">
                  <Space>
                    <Badge status={AGENT_STATUS_BADGES[agent.status]} text={agent.status} />
                    {agent.stale && <Tag color="orange">stale</Tag>}
                  </Space>
                  {agent.pause_reason && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {agent.pause_reason}
                    </Typography.Paragraph>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="Current task">
                  <CurrentTask id={agent.current_task_id} />
                </Descriptions.Item>
                <Descriptions.Item label="Last update">
                  <TimeAgo value={agent.last_update_at} />
                </Descriptions.Item>
                <Descriptions.Item label="Created">
                  {formatDateTime(agent.created_at)}
                </Descriptions.Item>
                <Descriptions.Item label="Metadata">
                  <JsonBlock value={agent.metadata} maxHeight={200} />
                </Descriptions.Item>
              </Descriptions>
              <AgentTokens agentId={agent.id} agentName={agent.name} />
              <AgentRateLimits agentId={agent.id} />
              {/* what the installed plugins show about an agent */}
              {agentPanels().map(({ key, component: Panel }) => (
                <Suspense key={key} fallback={<Loading minHeight={80} />}>
                  <Panel agentId={agent.id} agentType={agent.type} />
                </Suspense>
              ))}
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <AgentSpend agentId={agent.id} agentName={agent.name} />
              <AgentActivity id={agent.id} />
            </Space>
          </Col>
        </Row>
      ) : null}
    </Show>
  )
}
