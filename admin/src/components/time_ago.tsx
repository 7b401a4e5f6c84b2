import { Tooltip } from 'antd'
import { formatDateTime, timeAgo, useNow } from '../lib/format'

/** "5 min ago", kept current, with the exact time on hover. */
export function TimeAgo({
  value,
  empty = 'never',
}: {
  value: string | null | undefined
  empty?: string
}) {
  const now = useNow(30_000)
  if (!value) return <span>{empty}</span>
  return (
    <Tooltip title={formatDateTime(value)}>
      <time dateTime={value}>{timeAgo(value, now)}</time>
    </Tooltip>
  )
}
