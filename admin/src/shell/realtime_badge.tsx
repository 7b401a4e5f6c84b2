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

/** Whether changes arrive live right now; `compact` (a phone's bar): the dot, its words in the tooltip. */
export function RealtimeBadge({ compact = false }: { compact?: boolean }) {
  const status = useRealtimeStatus()
  const label = LABELS[status]
  return (
    <Tooltip title={compact ? `${label.text}: ${label.tip}` : label.tip}>
      <Badge
        status={label.status}
        text={compact ? undefined : label.text}
        aria-label={label.text}
        role="status"
        style={{ whiteSpace: 'nowrap' }}
        data-testid="realtime-status"
      />
    </Tooltip>
  )
}
