import { useShow } from '@refinedev/core'
import { Show } from '@refinedev/antd'
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd'
import { QueryError } from '../../components/states'
import { TimeAgo } from '../../components/time_ago'
import { EventList } from '../../components/event_list'
import { useRecentEvents } from '../../realtime/event_feed'
import { taskLinks } from '../../registry'
import { LinkedRecord, linkedId } from '../../lib/task_links'
import { formatDateTime } from '../../lib/format'
import {
  COLUMN_COLORS,
  COLUMN_LABELS,
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  type TaskRecord,
} from '../../lib/tasks'
import { OwnerAgent } from './linked_records'

function TaskActivity({ id }: { id: string }) {
  const { events, loading, error } = useRecentEvents({
    limit: 30,
    query: { task_id: id },
    match: (event) => event.taskId === id,
  })
  return (
    <Card title="Activity" size="small">
      {error ? (
        <QueryError title="The activity could not be loaded" error={{ message: error }} />
      ) : null}
      <EventList events={events} loading={loading} />
    </Card>
  )
}

export default function TaskShow() {
  const { query, result: task } = useShow<TaskRecord>()

  return (
    <Show isLoading={query.isLoading}>
      {query.isError ? (
        <QueryError
          title="This task could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : task ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="Title">{task.title}</Descriptions.Item>
              <Descriptions.Item label="Description">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {task.description || '—'}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label="Column">
                <Tag color={COLUMN_COLORS[task.column]}>{COLUMN_LABELS[task.column]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="Priority">
                <Tag color={PRIORITY_COLORS[task.priority]}>{PRIORITY_LABELS[task.priority]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="Owner">
                {task.owner_type === 'agent' && task.owner_id ? (
                  <OwnerAgent id={task.owner_id} />
                ) : (
                  task.owner_type
                )}
              </Descriptions.Item>
              {taskLinks().map((link) => (
                <Descriptions.Item key={link.kind} label={`Linked ${link.label.toLowerCase()}`}>
                  <LinkedRecord link={link} id={linkedId(task, link)} />
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="Created">
                {formatDateTime(task.created_at)}
              </Descriptions.Item>
              <Descriptions.Item label="Updated">
                <TimeAgo value={task.updated_at} />
              </Descriptions.Item>
              <Descriptions.Item label="Done">{formatDateTime(task.done_at)}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24} lg={10}>
            <TaskActivity id={task.id} />
          </Col>
        </Row>
      ) : null}
    </Show>
  )
}
