import { useMemo, useState } from 'react'
import { useCustom, useList } from '@refinedev/core'
import { List } from '@refinedev/antd'
import { AutoComplete, Badge, Select, Space, Typography } from 'antd'
import { QueryError } from '../../components/states'
import { EventList } from '../../components/event_list'
import { useRecentEvents, type FeedEvent } from '../../realtime/event_feed'
import type { AgentRecord } from '../../lib/agents'

/** One of GET /api/events/types: every type recorded or declared by an agent type. */
interface EventTypeEntry {
  type: string
  declared_by: string[]
  description: string | null
  recorded: boolean
}

const STATUS_BADGE = {
  connected: { status: 'success', text: 'live' },
  connecting: { status: 'processing', text: 'connecting' },
  reconnecting: { status: 'warning', text: 'reconnecting — catching up' },
  idle: { status: 'default', text: 'idle' },
} as const

/**
 * The live activity feed: the newest events, then every new one as it
 * happens; after a reconnect the feed fetches what it missed (by seq), so
 * nothing is lost. Filter by agent and event type.
 */
export default function Feed() {
  const [agentId, setAgentId] = useState<string | undefined>()
  const [eventType, setEventType] = useState<string | undefined>()
  const { result: agents } = useList<AgentRecord>({
    resource: 'agents',
    pagination: { currentPage: 1, pageSize: 200 },
    sorters: [{ field: 'name', order: 'asc' }],
  })
  // the suggestions are the types there are, as the server knows them
  const { result: types } = useCustom<EventTypeEntry[]>({
    url: '/api/events/types',
    method: 'get',
    errorNotification: false,
  })
  const typeOptions = useMemo(
    () =>
      // (no data yet while loading: an empty object, not a list)
      (Array.isArray(types?.data) ? types.data : []).map((entry) => ({
        value: entry.type,
        label: (
          <span data-testid={`event-type-option-${entry.type}`}>
            {entry.type}
            {entry.declared_by.length > 0 && (
              <Typography.Text type="secondary"> · {entry.declared_by.join(', ')}</Typography.Text>
            )}
          </span>
        ),
      })),
    [types]
  )
  const query = useMemo(() => {
    const q: Record<string, string> = {}
    if (agentId) q.agent_id = agentId
    if (eventType) q.event_type = eventType
    return q
  }, [agentId, eventType])
  const { events, loading, error, status, reload } = useRecentEvents({
    limit: 200,
    query,
    match: (event: FeedEvent) =>
      (!agentId || event.agentId === agentId) && (!eventType || event.type === eventType),
  })
  const badge = STATUS_BADGE[status] ?? STATUS_BADGE.idle

  return (
    <List
      title="Activity feed"
      headerButtons={<Badge status={badge.status} text={badge.text} data-testid="feed-status" />}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="Agent"
            style={{ minWidth: 200 }}
            value={agentId}
            onChange={setAgentId}
            options={agents.data.map((agent) => ({ value: agent.id, label: agent.name }))}
            data-testid="feed-agent-filter"
          />
          <AutoComplete
            allowClear
            placeholder="Event type (task.moved)"
            style={{ minWidth: 240 }}
            options={typeOptions}
            filterOption={(input, option) => !!option?.value.includes(input)}
            onSelect={(value: string) => setEventType(value)}
            onChange={(value: string) => !value && setEventType(undefined)}
            onBlur={(e) => setEventType((e.target as HTMLInputElement).value.trim() || undefined)}
            data-testid="feed-type-filter"
          />
          <Typography.Text type="secondary">{events.length} shown, newest first</Typography.Text>
        </Space>
        {error ? (
          <QueryError
            title="The feed could not be loaded"
            error={{ message: error }}
            onRetry={reload}
          />
        ) : (
          <div data-testid="feed-list">
            <EventList
              events={events}
              loading={loading}
              empty={agentId || eventType ? 'No events match these filters' : 'No activity yet'}
            />
          </div>
        )}
      </Space>
    </List>
  )
}
