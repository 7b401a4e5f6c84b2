import { useEffect, useState } from 'react'
import { useCan, type HttpError } from '@refinedev/core'
import {
  CreateButton,
  DeleteButton,
  EditButton,
  getDefaultSortOrder,
  List,
  ShowButton,
  useTable,
} from '@refinedev/antd'
import { Space, Table, Tag, Tooltip, Typography } from 'antd'
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
  text,
} from '@admin/components/list_filters'
import { ExportCsvButton, exportUrl } from './export_button'
import { LeadBulkBar, NOTHING_SELECTED, type LeadSelection } from './bulk_bar'
import { ImportCsvButton } from './import_button'
import {
  SCORE_COLORS,
  SCORE_OPTIONS,
  STATUS_COLORS,
  STATUS_OPTIONS,
  SUPPRESSED_OPTIONS,
  suppressionText,
  type LeadRecord,
} from './shared'

const FILTERS: ListFilter[] = [
  search('Search name, contact, email, website', 300),
  choices('status', 'Status', STATUS_OPTIONS, { width: 180, testId: 'filter-status' }),
  choices('lead_score', 'Score', SCORE_OPTIONS, { width: 120, testId: 'filter-score' }),
  text('niche', 'Niche', 'contains', { width: 150, onBlur: true }),
  text('region', 'Region', 'contains', { width: 150, onBlur: true }),
  choice('suppressed', 'Do not contact', SUPPRESSED_OPTIONS, {
    width: 170,
    testId: 'filter-suppressed',
  }),
]

export default function LeadList() {
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    LeadRecord,
    HttpError,
    Record<string, unknown>
  >({
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    onSearch: (values) => toFilters(FILTERS, values),
  })
  const total = tableQuery.data?.total
  const rows = tableProps.dataSource ?? []
  // ticking rows: for whoever may act on them (update, export)
  const { data: canEdit } = useCan({ resource: 'leads', action: 'edit' })
  const { data: canExport } = useCan({ resource: 'leads', action: 'export' })
  const selectable = !!(canEdit?.can || canExport?.can)
  const [selection, setSelection] = useState<LeadSelection>(NOTHING_SELECTED)
  // other filters, another set of leads: what was ticked no longer means the same
  const filterKey = JSON.stringify(filters)
  useEffect(() => setSelection(NOTHING_SELECTED), [filterKey])

  return (
    <List
      headerButtons={({ createButtonProps }) => (
        <Space wrap>
          <ExportCsvButton filters={filters} sorters={sorters} total={total} />
          <ImportCsvButton />
          {createButtonProps && <CreateButton {...createButtonProps} />}
        </Space>
      )}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The leads could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        {selectable && (
          <LeadBulkBar
            selection={selection}
            pageCount={rows.length}
            total={total}
            filters={filters}
            exportHref={exportUrl(filters, sorters)}
            onSelectAll={() => setSelection({ ids: [], allMatching: true })}
            onClear={() => setSelection(NOTHING_SELECTED)}
          />
        )}
        <ListTable<LeadRecord>
          {...tableProps}
          rowKey="id"
          rowSelection={
            selectable
              ? {
                  preserveSelectedRowKeys: true,
                  selectedRowKeys: selection.allMatching
                    ? rows.map((row) => row.id)
                    : selection.ids,
                  onChange: (keys) => setSelection({ ids: keys.map(String), allMatching: false }),
                }
              : undefined
          }
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'leads',
            }),
          }}
          pagination={{
            ...tableProps.pagination,
            showSizeChanger: true,
            showTotal: (count) => `${count} leads`,
          }}
        >
          <Table.Column<LeadRecord>
            dataIndex="business_name"
            title="Business"
            sorter
            defaultSortOrder={getDefaultSortOrder('business_name', sorters)}
            render={(name: string, lead) => (
              <Space direction="vertical" size={0}>
                <Space size={4} wrap>
                  <Link to={`/leads/show/${lead.id}`}>{name}</Link>
                  {lead.suppressed && (
                    <Tooltip title={suppressionText(lead)}>
                      <Tag color="red" data-testid="lead-suppressed">
                        suppressed
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {lead.website}
                </Typography.Text>
              </Space>
            )}
          />
          <Table.Column<LeadRecord>
            dataIndex="niche"
            title="Niche"
            sorter
            defaultSortOrder={getDefaultSortOrder('niche', sorters)}
          />
          <Table.Column<LeadRecord>
            dataIndex="region"
            title="Region"
            sorter
            defaultSortOrder={getDefaultSortOrder('region', sorters)}
          />
          <Table.Column<LeadRecord>
            dataIndex="lead_score"
            title="Score"
            sorter
            defaultSortOrder={getDefaultSortOrder('lead_score', sorters)}
            render={(score: LeadRecord['lead_score']) => (
              <Tag color={SCORE_COLORS[score]}>{score}</Tag>
            )}
          />
          <Table.Column<LeadRecord>
            dataIndex="status"
            title="Status"
            sorter
            defaultSortOrder={getDefaultSortOrder('status', sorters)}
            render={(status: LeadRecord['status']) => (
              <Tag color={STATUS_COLORS[status]}>{status}</Tag>
            )}
          />
          <Table.Column<LeadRecord>
            key="contact"
            title="Contact"
            render={(_, lead) =>
              lead.contact_name || lead.email ? (
                <Space direction="vertical" size={0}>
                  <span>{lead.contact_name ?? '—'}</span>
                  {lead.email && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {lead.email}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                '—'
              )
            }
          />
          <Table.Column<LeadRecord>
            dataIndex="last_action_at"
            title="Last action"
            sorter
            defaultSortOrder={getDefaultSortOrder('last_action_at', sorters)}
            render={(value: string | null) => <TimeAgo value={value} />}
          />
          <Table.Column<LeadRecord>
            dataIndex="created_at"
            title="Added"
            sorter
            defaultSortOrder={getDefaultSortOrder('created_at', sorters)}
            render={(value: string) => <TimeAgo value={value} />}
          />
          <Table.Column<LeadRecord>
            title="Actions"
            key="actions"
            render={(_, lead) => (
              <Space size={4}>
                <ShowButton hideText size="small" recordItemId={lead.id} />
                <EditButton hideText size="small" recordItemId={lead.id} />
                <DeleteButton hideText size="small" recordItemId={lead.id} />
              </Space>
            )}
          />
        </ListTable>
      </Space>
    </List>
  )
}
