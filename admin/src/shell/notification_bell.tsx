import { useCustom, useCustomMutation } from '@refinedev/core'
import { Badge, Button, Empty, Grid, Popover } from 'antd'
import { BellOutlined } from '@ant-design/icons'
import { lazy, useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { realtime } from '../realtime/client'
import type { NotificationRow } from './notification_list'
import { LazyPart } from './part_boundary'

// the list's code (antd's List, with its pagination) comes when the bell is first opened
const NotificationList = lazy(() => import('./notification_list'))

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
    <LazyPart
      loading={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Loading…" />}
      failed={
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="The list could not be loaded: reload the page"
        />
      }
    >
      <NotificationList
        rows={rows}
        loading={latest.query.isLoading}
        unread={unread}
        onOpen={openOne}
        onReadAll={readAll}
        onAll={() => {
          setOpen(false)
          navigate('/notifications')
        }}
      />
    </LazyPart>
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
