import { useState } from 'react'
import { useCan, type HttpError } from '@refinedev/core'
import { EditButton, getDefaultSortOrder, List, ShowButton, useTable } from '@refinedev/antd'
import { Space, Table, Tag, Typography } from 'antd'
import { ListTable } from '@admin/components/list_view'
import { Link } from 'react-router'
import { QueryError, tableEmptyText } from '@admin/components/states'
import { TimeAgo } from '@admin/components/time_ago'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  type ListFilter,
  choice,
  choices,
  search,
} from '@admin/components/list_filters'
import { hasResource } from '@admin/registry'
import { shortId } from '@admin/lib/format'
import { useNames } from '@admin/lib/use_names'
import { DraftStatusTags } from './draft_status'
import { DraftBulkDecisions } from './bulk_decisions'
import {
  CHANNEL_LABELS,
  CHANNEL_OPTIONS,
  DraftStatus,
  STATUS_OPTIONS,
  type DraftRecord,
} from './shared'

const FILTERS: ListFilter[] = [
  search('Search draft type', 220),
  choices('status', 'Status', STATUS_OPTIONS, { width: 180 }),
  choices('channel', 'Channel', CHANNEL_OPTIONS),
  // the API's own filter: drafts waiting past the approval SLA
  choice(
    'overdue',
    'Overdue?',
    [
      { value: 'true', label: 'Overdue' },
      { value: 'false', label: 'Not overdue' },
    ],
    { width: 130 }
  ),
]

function excerpt(content: string | null, length = 120) {
  if (!content) return '—'
  const flat = content.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length)}…` : flat
}

export default function DraftList() {
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    DraftRecord,
    HttpError,
    Record<string, unknown>
  >({
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'updated_at', order: 'desc' }] },
    onSearch: (values) => toFilters(FILTERS, values),
  })

  const showLeads = hasResource('leads')
  const { data: canDecide } = useCan({ resource: 'drafts', action: 'decide' })
  /* the ticked drafts waiting for approval, with the version each was seen at */
  const [selected, setSelected] = useState<DraftRecord[]>([])
  const leadName = useNames(
    'leads',
    (tableProps.dataSource ?? []).map((d) => d.lead_id),
    'business_name',
    showLeads
  )

  return (
    <List>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The drafts could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        {canDecide?.can && <DraftBulkDecisions drafts={selected} onClear={() => setSelected([])} />}
        <ListTable<DraftRecord>
          {...tableProps}
          rowKey="id"
          rowSelection={
            canDecide?.can
              ? {
                  preserveSelectedRowKeys: true,
                  selectedRowKeys: selected.map((draft) => draft.id),
                  onChange: (_, rows) => setSelected(rows.filter(Boolean)),
                  getCheckboxProps: (draft) => ({
                    disabled: draft.status !== DraftStatus.NeedsApproval,
                    title:
                      draft.status !== DraftStatus.NeedsApproval
                        ? 'Only drafts waiting for approval can be decided'
                        : undefined,
                  }),
                }
              : undefined
          }
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'drafts',
            }),
          }}
          pagination={{
            ...tableProps.pagination,
            showSizeChanger: true,
            showTotal: (count) => `${count} drafts`,
          }}
        >
          <Table.Column<DraftRecord>
            dataIndex="draft_type"
            title="Draft"
            sorter
            defaultSortOrder={getDefaultSortOrder('draft_type', sorters)}
            render={(type: string, draft) => (
              <Space direction="vertical" size={0} style={{ maxWidth: 420 }}>
                <Link to={`/drafts/show/${draft.id}`}>{type}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {excerpt(draft.content)}
                </Typography.Text>
              </Space>
            )}
          />
          <Table.Column<DraftRecord>
            dataIndex="channel"
            title="Channel"
            sorter
            defaultSortOrder={getDefaultSortOrder('channel', sorters)}
            render={(channel: DraftRecord['channel']) => CHANNEL_LABELS[channel] ?? channel}
          />
          <Table.Column<DraftRecord>
            dataIndex="status"
            title="Status"
            sorter
            defaultSortOrder={getDefaultSortOrder('status', sorters)}
            render={(_, draft) => <DraftStatusTags draft={draft} />}
          />
          <Table.Column<DraftRecord>
            dataIndex="current_version"
            title="Version"
            sorter
            defaultSortOrder={getDefaultSortOrder('current_version', sorters)}
            render={(version: number) => <Tag>v{version}</Tag>}
          />
          {showLeads && (
            <Table.Column<DraftRecord>
              dataIndex="lead_id"
              title="Lead"
              render={(id: string | null) =>
                id ? <Link to={`/leads/show/${id}`}>{leadName(id) ?? shortId(id)}</Link> : '—'
              }
            />
          )}
          <Table.Column<DraftRecord>
            dataIndex="submitted_at"
            title="Submitted"
            sorter
            defaultSortOrder={getDefaultSortOrder('submitted_at', sorters)}
            render={(value: string | null) => <TimeAgo value={value} empty="—" />}
          />
          <Table.Column<DraftRecord>
            dataIndex="updated_at"
            title="Updated"
            sorter
            defaultSortOrder={getDefaultSortOrder('updated_at', sorters)}
            render={(value: string) => <TimeAgo value={value} />}
          />
          <Table.Column<DraftRecord>
            title="Actions"
            key="actions"
            render={(_, draft) => (
              <Space size={4}>
                <ShowButton hideText size="small" recordItemId={draft.id} />
                {draft.status !== DraftStatus.Approved && (
                  <EditButton hideText size="small" recordItemId={draft.id} title="New version" />
                )}
              </Space>
            )}
          />
        </ListTable>
      </Space>
    </List>
  )
}
