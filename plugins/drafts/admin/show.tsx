import { useCustom, useOne, useShow } from '@refinedev/core'
import { EditButton, ListButton, RefreshButton, Show } from '@refinedev/antd'
import { Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { QueryError } from '@admin/components/states'
import { RecordTimeline } from '@admin/components/record_timeline'
import { hasResource } from '@admin/registry'
import { API_URL } from '@admin/providers/http'
import { formatDateTime, shortId } from '@admin/lib/format'
import { DraftStatusTags } from './draft_status'
import { SubmitButton } from './submit_button'
import { VersionCompare } from './version_compare'
import { CHANNEL_LABELS, DraftStatus, type DraftRecord, type DraftVersion } from './shared'

/** The draft's lead by name (only rendered when the leads screens are installed). */
function LeadLink({ id }: { id: string }) {
  const { result } = useOne<{ id: string; business_name: string }>({
    resource: 'leads',
    id,
    errorNotification: false,
  })
  return <Link to={`/leads/show/${id}`}>{result?.business_name ?? shortId(id)}</Link>
}

function Versions({ draft }: { draft: DraftRecord }) {
  const { result, query } = useCustom<DraftVersion[]>({
    url: `${API_URL}/drafts/${draft.id}/versions`,
    method: 'get',
    config: { query: { _start: 0, _end: 1000 } },
    // A new version bumps current_version: refetch then.
    queryOptions: { queryKey: ['draft-versions', draft.id, draft.current_version] },
    errorNotification: false,
  })
  const versions = [...(Array.isArray(result.data) ? result.data : [])].reverse()
  return (
    <Card size="small" title="Versions">
      {query.isError ? (
        <QueryError
          title="The versions could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : (
        <Table<DraftVersion>
          size="small"
          rowKey="id"
          loading={query.isLoading}
          dataSource={versions}
          pagination={false}
          expandable={{
            expandedRowRender: (version) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {version.content}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            {
              title: 'Version',
              dataIndex: 'version_number',
              render: (n: number) => (
                <Space size={4}>
                  <Tag>v{n}</Tag>
                  {n === draft.current_version && <Tag color="blue">current</Tag>}
                </Space>
              ),
            },
            {
              title: 'Note',
              dataIndex: 'change_note',
              render: (note: string | null) => note ?? '—',
            },
            { title: 'Saved', dataIndex: 'created_at', render: (at: string) => formatDateTime(at) },
          ]}
        />
      )}
      {versions.length > 1 && (
        <div style={{ marginTop: 12 }}>
          <VersionCompare versions={versions} />
        </div>
      )}
    </Card>
  )
}

export default function DraftShow() {
  const { query, result: draft } = useShow<DraftRecord>()

  return (
    <Show
      isLoading={query.isLoading}
      title={
        draft
          ? `${CHANNEL_LABELS[draft.channel] ?? draft.channel} draft: ${draft.draft_type}`
          : 'Draft'
      }
      headerButtons={() => (
        <Space wrap>
          <ListButton />
          {draft && <SubmitButton draft={draft} />}
          {draft && draft.status !== DraftStatus.Approved && (
            <EditButton recordItemId={draft.id}>New version</EditButton>
          )}
          <RefreshButton onClick={() => query.refetch()} />
        </Space>
      )}
    >
      {query.isError ? (
        <QueryError
          title="This draft could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : draft ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label="Status" span={2}>
                  <DraftStatusTags draft={draft} />
                </Descriptions.Item>
                <Descriptions.Item label="Channel">
                  {CHANNEL_LABELS[draft.channel] ?? draft.channel}
                </Descriptions.Item>
                <Descriptions.Item label="Type">{draft.draft_type}</Descriptions.Item>
                <Descriptions.Item label="Lead">
                  {draft.lead_id ? (
                    hasResource('leads') ? (
                      <LeadLink id={draft.lead_id} />
                    ) : (
                      shortId(draft.lead_id)
                    )
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="Version">v{draft.current_version}</Descriptions.Item>
                <Descriptions.Item label="Submitted">
                  {formatDateTime(draft.submitted_at)}
                </Descriptions.Item>
                <Descriptions.Item label="Updated">
                  {formatDateTime(draft.updated_at)}
                </Descriptions.Item>
              </Descriptions>
              <Card size="small" title={`Content (v${draft.current_version})`}>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                  data-testid="draft-content"
                >
                  {draft.content ?? '—'}
                </Typography.Paragraph>
              </Card>
              <Versions draft={draft} />
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <RecordTimeline subject="draft_id" id={draft.id} />
          </Col>
        </Row>
      ) : null}
    </Show>
  )
}
