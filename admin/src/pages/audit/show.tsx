import { useShow } from '@refinedev/core'
import { Show } from '@refinedev/antd'
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { QueryError } from '../../components/states'
import { JsonBlock } from '../../components/json_block'
import { JsonDiff } from '../../components/json_diff'
import { formatDateTime } from '../../lib/format'
import { hasResource } from '../../registry'
import { ACTOR_COLORS, recordPath, type AuditRecord } from './shared'
import { ActorName, useActorNames } from '../../components/actor_name'

/** One audit entry: who did what to which record, and the record before and after. */
export default function AuditShow() {
  const { query, result: entry } = useShow<AuditRecord>()
  const actorNames = useActorNames(entry ? [{ type: entry.actor_type, id: entry.actor_id }] : [])
  const path = entry ? recordPath(entry.resource_type, entry.resource_id, hasResource) : null

  return (
    <Show isLoading={query.isLoading} title={entry ? `Audit entry #${entry.id}` : 'Audit entry'}>
      {query.isError ? (
        <QueryError
          title="This entry could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : entry ? (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="When">{formatDateTime(entry.created_at)}</Descriptions.Item>
              <Descriptions.Item label="Action">
                <Typography.Text code>{entry.action}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="Actor">
                <Tag color={ACTOR_COLORS[entry.actor_type]}>{entry.actor_type}</Tag>
                <ActorName type={entry.actor_type} id={entry.actor_id} names={actorNames} />
                {entry.actor_id && (
                  <Typography.Text type="secondary" copyable>
                    {entry.actor_id}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="Record">
                {entry.resource_type}{' '}
                {path ? (
                  <Link to={path}>{entry.resource_id}</Link>
                ) : (
                  <Typography.Text copyable>{entry.resource_id}</Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="Event seq">{entry.metadata?.seq ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Request">
                {entry.metadata?.request_id ?? '—'} · {entry.metadata?.ip ?? 'no IP'}
              </Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24}>
            <Card size="small" title="Changes">
              <JsonDiff before={entry.before_state} after={entry.after_state} />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title="Before">
              <JsonBlock value={entry.before_state} maxHeight={520} />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title="After">
              <JsonBlock value={entry.after_state} maxHeight={520} />
            </Card>
          </Col>
        </Row>
      ) : null}
    </Show>
  )
}
