import type { components } from '#client/api_types'
import { useCustom, useCustomMutation } from '@refinedev/core'
import { Badge, Button, Empty, Grid, List, Popover, Space, Typography } from 'antd'
import { BellOutlined } from '@ant-design/icons'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { realtime } from '../realtime/client'
import { TimeAgo } from '../components/time_ago'

/** One of GET /api/notifications (the generated API type). */
export type NotificationRow = components['schemas']['Notification']

/**
 * The bell: the signed-in person's unread count, live on `users/<id>`, and
 * the latest notifications; one opens what it is about (deciding a draft
 * still needs this signed-in admin).
 */
export function NotificationBell({ userId }: { userId: string }) {
  const navigate = useNavigate()
  const narrow = Grid.useBreakpoint().sm === false
  const [open, setOpen] = useState(false)
  const count = useCustom<{ unread: number }>({
    url: '/api/notifications/unread-count',
    method: 'get',
    errorNotification: false,
  })
  const [unread, setUnread] = useState<number | null>(null)
  const latest = useCustom<NotificationRow[]>({
    url: '/api/notifications',
    method: 'get',
    config: { query: { _start: 0, _end: 8 } },
    queryOptions: { enabled: open },
    errorNotification: false,
  })
  const { mutate } = useCustomMutation()

  // a fetched count is applied when it arrives, not on every render (the live count may be newer)
  const fetched = count.result?.data?.unread
  const fetchedAt = count.query.dataUpdatedAt
  useEffect(() => {
    if (typeof fetched === 'number') setUnread(fetched)
  }, [fetched, fetchedAt])
  const openRef = useRef(open)
  openRef.current = open
  const refetchLatest = useRef(latest.query.refetch)
  refetchLatest.current = latest.query.refetch
  useEffect(
    () =>
      realtime.subscribe<{ type: string; unread: number }>(`users/${userId}`, (message) => {
        if (message?.type !== 'notifications') return
        setUnread(message.unread)
        if (openRef.current) void refetchLatest.current()
      }),
    [userId]
  )
  /* what this tab changed: counted again at once (the live count follows too) */
  const recount = () =>
    void count.query.refetch().then((answer) => {
      const value = answer.data?.data?.unread
      if (typeof value === 'number') setUnread(value)
    })

  const rows = Array.isArray(latest.result?.data) ? latest.result.data : []
  const openOne = (row: NotificationRow) => {
    if (!row.read_at) {
      mutate(
        {
          url: `/api/notifications/${row.id}/read`,
          method: 'post',
          values: {},
          successNotification: false,
        },
        { onSuccess: recount }
      )
    }
    setOpen(false)
    if (row.link) navigate(row.link)
  }
  const readAll = () =>
    mutate(
      {
        url: '/api/notifications/read-all',
        method: 'post',
        values: {},
        successNotification: false,
      },
      {
        onSuccess: () => {
          recount()
          void latest.query.refetch()
        },
      }
    )

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      {rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={latest.query.isLoading ? 'Loading…' : 'Nothing waits for you'}
        />
      ) : (
        <List<NotificationRow>
          size="small"
          dataSource={rows}
          renderItem={(row) => (
            <List.Item
              onClick={() => openOne(row)}
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
        <Button size="small" type="link" onClick={readAll} disabled={!unread}>
          Mark all read
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false)
            navigate('/notifications')
          }}
        >
          All and preferences
        </Button>
      </Space>
    </div>
  )

  const button = (
    <Badge count={unread ?? 0} size="small" overflowCount={99}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications'}
        data-testid="notification-bell"
        onClick={narrow ? () => navigate('/notifications') : undefined}
      />
    </Badge>
  )
  // a phone has no room for the popover beside the bell: the bell opens the page
  if (narrow) return button

  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title="Notifications"
    >
      {button}
    </Popover>
  )
}
