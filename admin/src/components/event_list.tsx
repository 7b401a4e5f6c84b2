import { List as AntdList, Space, Tag, Typography } from 'antd'
import type { FeedEvent } from '../realtime/event_feed'
import { TimeAgo } from './time_ago'
import { ActorName, useActorNames } from './actor_name'

const ACTOR_COLORS = { user: 'blue', agent: 'purple', system: 'default' } as const

/** Events as a compact activity list (newest first as given). */
export function EventList({
  events,
  loading,
  empty = 'No activity yet',
}: {
  events: FeedEvent[]
  loading?: boolean
  empty?: string
}) {
  const names = useActorNames(events.map((event) => event.actor))
  return (
    <AntdList
      size="small"
      loading={loading}
      dataSource={events}
      locale={{ emptyText: empty }}
      rowKey={(event) => event.seq}
      renderItem={(event) => (
        <AntdList.Item data-seq={event.seq}>
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Space size="small" wrap>
              <Typography.Text code>{event.type}</Typography.Text>
              <Tag color={ACTOR_COLORS[event.actor.type] ?? 'default'}>
                <ActorName
                  type={event.actor.type}
                  id={event.actor.id}
                  names={names}
                  known={event.agent}
                />
              </Tag>
              {describe(event) && <Typography.Text>{describe(event)}</Typography.Text>}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <TimeAgo value={event.timestamp} /> · #{event.seq}
            </Typography.Text>
          </Space>
        </AntdList.Item>
      )}
    />
  )
}

/** The one-line gist of well-known payloads. */
function describe(event: FeedEvent): string | null {
  const { payload } = event
  if (typeof payload.from === 'string' && typeof payload.to === 'string') {
    return `${payload.from} → ${payload.to}`
  }
  if (typeof payload.message === 'string') return payload.message
  if (typeof payload.status === 'string') return `status: ${payload.status}`
  return null
}
