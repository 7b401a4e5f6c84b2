import { Button, Empty, List, Space, Typography } from 'antd'
import { TimeAgo } from '../components/time_ago'
import type { components } from '#client/api_types'

/** One of GET /api/notifications (the generated API type). */
export type NotificationRow = components['schemas']['Notification']

/** The bell's panel: the latest notifications, "Mark all read" and the way to all of them. */
export default function NotificationList({
  rows,
  loading,
  unread,
  onOpen,
  onReadAll,
  onAll,
}: {
  rows: NotificationRow[]
  loading: boolean
  unread: number | null
  onOpen: (row: NotificationRow) => void
  onReadAll: () => void
  onAll: () => void
}) {
  return (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      {rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={loading ? 'Loading…' : 'Nothing waits for you'}
        />
      ) : (
        <List<NotificationRow>
          size="small"
          dataSource={rows}
          renderItem={(row) => (
            <List.Item
              onClick={() => onOpen(row)}
              style={{ cursor: row.link ? 'pointer' : 'default', opacity: row.read_at ? 0.6 : 1 }}
            >
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Typography.Text strong={!row.read_at}>{row.title}</Typography.Text>
                {row.body && <Typography.Text type="secondary">{row.body}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <TimeAgo value={row.created_at} />
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Button size="small" type="link" onClick={onReadAll} disabled={!unread}>
          Mark all read
        </Button>
        <Button size="small" type="link" onClick={onAll}>
          All and preferences
        </Button>
      </Space>
    </div>
  )
}
