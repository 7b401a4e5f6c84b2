import { Suspense, useState } from 'react'
import { useCan, useList, useMany, type HttpError } from '@refinedev/core'
import { CreateButton, List } from '@refinedev/antd'
import { Alert, Badge, Card, Col, Empty, Pagination, Row, Segmented, Space, Typography } from 'antd'
import { WarningOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/states'
import { TimeAgo } from '../../components/time_ago'
import { EventList } from '../../components/event_list'
import { useRecentEvents } from '../../realtime/event_feed'
import { AGENT_STATUS_BADGES, type AgentRecord } from '../../lib/agents'
import type { TaskRecord } from '../../lib/tasks'
import { shortId } from '../../lib/format'
import { AgentControls } from './agent_controls'
import AgentTable from './list'
import { agentCardLines } from '../../registry'

/** An agent's recent activity: its events, newest first, kept live. */
function AgentActivity({ agentId }: { agentId: string }) {
  const { events, loading, error } = useRecentEvents({
    limit: 5,
    query: { agent_id: agentId },
    match: (event) => event.agentId === agentId,
  })
  if (error) return <Typography.Text type="danger">Activity unavailable: {error}</Typography.Text>
  return <EventList events={events} loading={loading} empty="No activity yet" />
}

function AgentCard({
  agent,
  task,
  controls,
}: {
  agent: AgentRecord
  task?: TaskRecord
  /** Whether the viewer may pause, resume and kill: no empty footer for those who may not. */
  controls: boolean
}) {
  return (
    <Card
      data-testid={`agent-card-${agent.name}`}
      title={
        <Typography.Text ellipsis={{ tooltip: agent.name }}>
          <Link to={`/agents/show/${agent.id}`}>{agent.name}</Link>
        </Typography.Text>
      }
      extra={<Badge status={AGENT_STATUS_BADGES[agent.status]} text={agent.status} />}
      actions={controls ? [<AgentControls key="controls" agent={agent} size="small" />] : undefined}
    >
      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text type="secondary">Type: {agent.type}</Typography.Text>
        {agent.pause_reason && (agent.status === 'paused' || agent.status === 'blocked') && (
          <Alert type="info" showIcon message={agent.pause_reason} data-testid="pause-reason" />
        )}
        {agent.stale && (
          <Alert
            type="warning"
            showIcon
            icon={<WarningOutlined />}
            message="Stale: no heartbeat for a while, the agent may be down"
          />
        )}
        <Typography.Text>
          Current task:{' '}
          {agent.current_task_id ? (
            <Link to={`/tasks/show/${agent.current_task_id}`}>
              {task?.title ?? shortId(agent.current_task_id)}
            </Link>
          ) : (
            <Typography.Text type="secondary">none</Typography.Text>
          )}
        </Typography.Text>
        <Typography.Text>
          Last update: <TimeAgo value={agent.last_update_at} />
        </Typography.Text>
        {/* what the installed plugins say about the agent, one line each */}
        {agentCardLines().map(({ key, component: Line }) => (
          <Suspense key={key} fallback={null}>
            <Line agentId={agent.id} agentType={agent.type} />
          </Suspense>
        ))}
        <Typography.Text strong>Recent activity</Typography.Text>
        <AgentActivity agentId={agent.id} />
      </Space>
    </Card>
  )
}

/* A page of cards: each card loads its own activity, so a crew of hundreds is paged. */
const CARDS_PER_PAGE = 12

function AgentCards() {
  const { data: control } = useCan({ resource: 'agents', action: 'control' })
  const [page, setPage] = useState(1)
  const { result, query } = useList<AgentRecord, HttpError>({
    resource: 'agents',
    pagination: { currentPage: page, pageSize: CARDS_PER_PAGE },
    sorters: [{ field: 'name', order: 'asc' }],
  })
  const agents = result.data ?? []
  const total = result.total ?? agents.length
  const taskIds = [
    ...new Set(agents.map((a) => a.current_task_id).filter((id): id is string => !!id)),
  ]
  const { result: tasks } = useMany<TaskRecord>({
    resource: 'tasks',
    ids: taskIds,
    queryOptions: { enabled: taskIds.length > 0 },
  })

  if (query.isLoading) return <Loading />
  if (query.isError)
    return (
      <QueryError
        title="The agents could not be loaded"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    )
  if (agents.length === 0 && page === 1) return <Empty description="No agents yet" />
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {agents.map((agent) => (
          <Col key={agent.id} xs={24} md={12} xl={8}>
            <AgentCard
              agent={agent}
              task={tasks.data.find((task) => task.id === agent.current_task_id)}
              controls={!!control?.can}
            />
          </Col>
        ))}
      </Row>
      {total > CARDS_PER_PAGE && (
        <Pagination
          data-testid="agent-cards-pagination"
          align="end"
          current={page}
          pageSize={CARDS_PER_PAGE}
          total={total}
          showSizeChanger={false}
          showTotal={(count, [from, to]) => `${from}–${to} of ${count} agents`}
          onChange={setPage}
        />
      )}
    </Space>
  )
}

/** The agents: a card each (status, task, last update, stale, activity, controls), or the table. */
export default function AgentsPage() {
  const [view, setView] = useState<'cards' | 'table'>(() =>
    new URLSearchParams(window.location.search).has('pageSize') ? 'table' : 'cards'
  )
  const toggle = (
    <Segmented
      value={view}
      onChange={(value) => setView(value as 'cards' | 'table')}
      options={[
        { value: 'cards', label: 'Cards' },
        { value: 'table', label: 'Table' },
      ]}
    />
  )
  if (view === 'table')
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {toggle}
        <AgentTable />
      </Space>
    )
  return (
    <List
      headerButtons={
        <Space>
          {toggle}
          <CreateButton />
        </Space>
      }
    >
      <AgentCards />
    </List>
  )
}
