import { Badge, Tooltip } from 'antd'
import { useRealtimeStatus } from '../realtime/event_feed'

const LABELS = {
  idle: { status: 'default', text: 'Standby', tip: 'Live updates start when a screen needs them' },
  connecting: { status: 'processing', text: 'Connecting', tip: 'Opening the live stream' },
  connected: { status: 'success', text: 'Live', tip: 'Changes by others appear as they happen' },
  reconnecting: {
    status: 'warning',
    text: 'Reconnecting',
    tip: 'The live stream dropped; missed changes are fetched once it is back',
  },
} as const

/** Whether changes arrive live right now. */
export function RealtimeBadge() {
  const status = useRealtimeStatus()
  const label = LABELS[status]
  return (
    <Tooltip title={label.tip}>
      <Badge status={label.status} text={label.text} data-testid="realtime-status" />
    </Tooltip>
  )
}
