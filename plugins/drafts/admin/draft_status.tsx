import { Space, Tag, Tooltip } from 'antd'
import { ClockCircleOutlined } from '@ant-design/icons'
import { formatDuration, useNow } from '@admin/lib/format'
import { STATUS_COLORS, STATUS_LABELS, waitingSeconds, type DraftRecord } from './shared'

/** Status, and for a draft waiting for a decision: how long, and whether past the SLA. */
export function DraftStatusTags({ draft }: { draft: DraftRecord }) {
  const now = useNow(30_000)
  const waiting = waitingSeconds(draft, now)
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[draft.status]}>{STATUS_LABELS[draft.status]}</Tag>
      {waiting !== null && (
        <Tooltip title="Waiting for a decision">
          <Tag icon={<ClockCircleOutlined />}>{formatDuration(waiting)}</Tag>
        </Tooltip>
      )}
      {draft.overdue && (
        <Tooltip title="Waiting longer than the approval SLA">
          <Tag color="red" data-testid="overdue-tag">
            overdue
          </Tag>
        </Tooltip>
      )}
    </Space>
  )
}
