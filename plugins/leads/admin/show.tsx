import { useList, useShow } from '@refinedev/core'
import { Show } from '@refinedev/antd'
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  List as AntdList,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd'
import { Link } from 'react-router'
import { QueryError } from '@admin/components/states'
import { TimeAgo } from '@admin/components/time_ago'
import { RecordTimeline } from '@admin/components/record_timeline'
import { hasResource } from '@admin/registry'
import { formatDateTime } from '@admin/lib/format'
import { COLUMN_COLORS, COLUMN_LABELS, type TaskRecord } from '@admin/lib/tasks'
import type { components } from '#client/api_types'
import { SCORE_COLORS, STATUS_COLORS, suppressionText, type LeadRecord } from './shared'

function LeadTasks({ leadId }: { leadId: string }) {
  const { result, query } = useList<TaskRecord>({
    resource: 'tasks',
    filters: [{ field: 'linked_lead_id', operator: 'eq', value: leadId }],
    pagination: { pageSize: 20 },
  })
  return (
    <Card size="small" title="Tasks">
      <AntdList
        size="small"
        loading={query.isLoading}
        dataSource={result.data}
        locale={{ emptyText: 'No task is linked to this lead' }}
        renderItem={(task) => (
          <AntdList.Item>
            <Link to={`/tasks/show/${task.id}`}>{task.title}</Link>
            <Tag color={COLUMN_COLORS[task.column]}>{COLUMN_LABELS[task.column]}</Tag>
          </AntdList.Item>
        )}
      />
    </Card>
  )
}

/** The lead's drafts, when the drafts plugin is enabled. */
type DraftRow = Pick<
  components['schemas']['Draft'],
  'id' | 'channel' | 'draft_type' | 'status' | 'current_version'
>

function LeadDrafts({ leadId }: { leadId: string }) {
  const { result, query } = useList<DraftRow>({
    resource: 'drafts',
    filters: [{ field: 'lead_id', operator: 'eq', value: leadId }],
    pagination: { pageSize: 20 },
    errorNotification: false,
  })
  return (
    <Card size="small" title="Drafts">
      <AntdList
        size="small"
        loading={query.isLoading}
        dataSource={result.data}
        locale={{ emptyText: 'No draft for this lead yet' }}
        renderItem={(draft) => (
          <AntdList.Item>
            <Link to={`/drafts/show/${draft.id}`}>
              {draft.channel} · {draft.draft_type}
            </Link>
            <Space size={4}>
              <Tag>v{draft.current_version}</Tag>
              <Tag>{draft.status}</Tag>
            </Space>
          </AntdList.Item>
        )}
      />
    </Card>
  )
}

export default function LeadShow() {
  const { query, result: lead } = useShow<LeadRecord>()

  return (
    <Show isLoading={query.isLoading} title={lead?.business_name ?? 'Lead'}>
      {query.isError ? (
        <QueryError
          title="This lead could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : lead ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              {lead.suppressed && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="lead-suppressed"
                  message="Do not contact"
                  description={`${suppressionText(lead)}. It is left out of CSV exports unless they include suppressed leads, and its drafts cannot be approved.`}
                />
              )}
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label="Status">
                  <Tag color={STATUS_COLORS[lead.status]}>{lead.status}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label="Score">
                  <Tag color={SCORE_COLORS[lead.lead_score]}>{lead.lead_score}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label="Niche">{lead.niche}</Descriptions.Item>
                <Descriptions.Item label="Region">{lead.region}</Descriptions.Item>
                <Descriptions.Item label="Website" span={2}>
                  <Typography.Link
                    href={
                      /^https?:\/\//.test(lead.website) ? lead.website : `https://${lead.website}`
                    }
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {lead.website}
                  </Typography.Link>
                </Descriptions.Item>
                <Descriptions.Item label="Contact">
                  {lead.contact_name ?? '—'}
                  {lead.contact_role ? ` (${lead.contact_role})` : ''}
                </Descriptions.Item>
                <Descriptions.Item label="Email">
                  {lead.email ? (
                    <Typography.Link href={`mailto:${lead.email}`}>{lead.email}</Typography.Link>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="Phone">{lead.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="Source">{lead.source}</Descriptions.Item>
                <Descriptions.Item label="Next step" span={2}>
                  {lead.next_step ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label="Last action">
                  <TimeAgo value={lead.last_action_at} />
                </Descriptions.Item>
                <Descriptions.Item label="Added">
                  {formatDateTime(lead.created_at)}
                </Descriptions.Item>
              </Descriptions>
              <Card size="small" title="Notes">
                {lead.notes.length ? (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {lead.notes.map((note, index) => (
                      <li key={index}>{note}</li>
                    ))}
                  </ul>
                ) : (
                  <Empty description="No notes" image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
              </Card>
              <LeadTasks leadId={lead.id} />
              {hasResource('drafts') && <LeadDrafts leadId={lead.id} />}
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <RecordTimeline subject="lead_id" id={lead.id} />
          </Col>
        </Row>
      ) : null}
    </Show>
  )
}
