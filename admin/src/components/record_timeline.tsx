import { useCustom } from '@refinedev/core'
import { Card, Empty, Tag, Timeline, Typography } from 'antd'
import { API_URL } from '../providers/http'
import { formatDateTime } from '../lib/format'
import { QueryError } from './states'

/** An item of GET /api/replay/timeline (events, audit entries, and what plugins add). */
export interface TimelineItem {
  at: string
  kind: string
  [key: string]: unknown
}

const KIND_COLORS: Record<string, string> = {
  event: 'blue',
  audit: 'gray',
  version: 'green',
  approval: 'purple',
}

function label(item: TimelineItem): string {
  if (item.kind === 'event') return String(item.event_type)
  if (item.kind === 'audit') return `${item.action} by ${item.actor_type}`
  if (item.kind === 'version')
    return `version ${item.version_number}${item.change_note ? `: ${item.change_note}` : ''}`
  if (item.kind === 'approval')
    return `decision: ${item.action}${item.notes ? ` (${item.notes})` : ''}`
  return item.kind
}

/**
 * A record's history, oldest first: its events, its linked records' events,
 * and what plugins add (a record's versions, decisions); audit entries for admins.
 */
export function RecordTimeline({
  subject,
  id,
  limit = 50,
}: {
  /** `task_id`, or `<kind>_id` of a kind of record a card may link to (a plugin's). */
  subject: 'task_id' | `${string}_id`
  id: string
  limit?: number
}) {
  const { result, query } = useCustom<TimelineItem[]>({
    url: `${API_URL}/replay/timeline`,
    method: 'get',
    config: { query: { [subject]: id } },
    errorNotification: false,
  })
  // audit entries come only to those who may read the audit log (the server decides)
  const items = Array.isArray(result.data) ? result.data : []
  const shown = items.slice(-limit)

  return (
    <Card size="small" title="Timeline" loading={query.isLoading}>
      {query.isError ? (
        <QueryError
          title="The timeline could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : shown.length === 0 ? (
        <Empty description="No history yet" />
      ) : (
        <>
          {items.length > shown.length && (
            <Typography.Paragraph type="secondary">
              The last {shown.length} of {items.length} entries.
            </Typography.Paragraph>
          )}
          <Timeline
            items={shown.map((item, index) => ({
              key: `${item.kind}-${String(item.id ?? index)}-${item.at}`,
              color: KIND_COLORS[item.kind] ?? 'gray',
              children: (
                <div data-testid={`timeline-${item.kind}`}>
                  <Tag>{item.kind}</Tag>
                  <Typography.Text>{label(item)}</Typography.Text>
                  <br />
                  {/* to the second; the exact time (milliseconds, UTC) on hover */}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <time dateTime={item.at} title={item.at}>
                      {formatDateTime(item.at, { seconds: true })}
                    </time>
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        </>
      )}
    </Card>
  )
}
