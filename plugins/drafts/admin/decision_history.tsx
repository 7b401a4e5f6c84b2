import { useList, type HttpError } from '@refinedev/core'
import { Card, List as AntdList, Popover, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { QueryError } from '@admin/components/states'
import { ActorName, useActorNames } from '@admin/components/actor_name'
import { formatDateTime, shortId } from '@admin/lib/format'
import { ApprovalAction } from '../enums'
import { ByPolicyTag, PolicyEvidence, type ApprovalRecord } from './autonomy_shared'

export const ACTION_LABELS: Record<ApprovalAction, string> = {
  [ApprovalAction.Approve]: 'Approved',
  [ApprovalAction.ApproveWithNotes]: 'Approved with notes',
  [ApprovalAction.RequestChanges]: 'Changes requested',
  [ApprovalAction.Reject]: 'Rejected',
  [ApprovalAction.EditInlineApprove]: 'Edited and approved',
}

const ACTION_COLORS: Partial<Record<ApprovalAction, string>> = {
  [ApprovalAction.Reject]: 'red',
  [ApprovalAction.RequestChanges]: 'orange',
}

/**
 * The latest decisions (GET /api/approvals), newest first: who decided
 * what, and for a draft its approval policy approved, "Approved by policy"
 * with the rule and the evidence. `autoOnly`: those alone.
 */
export function DecisionHistory({
  autoOnly = false,
  title,
  limit = 15,
}: {
  autoOnly?: boolean
  title: string
  limit?: number
}) {
  const { result, query } = useList<ApprovalRecord, HttpError>({
    resource: 'approvals',
    filters: autoOnly ? [{ field: 'auto', operator: 'eq', value: 'true' }] : [],
    sorters: [{ field: 'decided_at', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: limit },
    errorNotification: false,
  })
  const rows = result.data ?? []
  const names = useActorNames(
    rows.map((row) => ({ type: row.decided_by ? 'user' : 'system', id: row.decided_by }))
  )
  return (
    <Card size="small" title={title} data-testid={autoOnly ? 'auto-approvals' : 'decision-history'}>
      {query.isError ? (
        <QueryError
          title="The decisions could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : (
        <AntdList<ApprovalRecord>
          size="small"
          loading={query.isLoading}
          dataSource={rows}
          rowKey="id"
          locale={{
            emptyText: autoOnly ? 'No draft was approved by a policy yet' : 'No decision yet',
          }}
          renderItem={(row) => (
            <AntdList.Item data-testid={`decision-${row.id}`}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  {row.auto ? (
                    <Popover
                      title="Why it was approved"
                      content={<PolicyEvidence approval={row} />}
                      trigger={['hover', 'click']}
                    >
                      <span>
                        <ByPolicyTag />
                      </span>
                    </Popover>
                  ) : (
                    <Tag color={ACTION_COLORS[row.action]}>{ACTION_LABELS[row.action]}</Tag>
                  )}
                  {row.approvals_required && (
                    <Tag>
                      {row.approval_count} of {row.approvals_required}
                    </Tag>
                  )}
                  <Link to={`/drafts/show/${row.draft_id}`}>draft #{shortId(row.draft_id)}</Link>
                  <Typography.Text type="secondary">v{row.version ?? '?'}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.auto ? (
                    'by the system'
                  ) : (
                    <>
                      by <ActorName type="user" id={row.decided_by} names={names} />
                    </>
                  )}{' '}
                  · {formatDateTime(row.decided_at)}
                </Typography.Text>
                {row.auto && autoOnly && <PolicyEvidence approval={row} />}
                {row.notes && !row.auto && (
                  <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: '100%' }}>
                    “{row.notes}”
                  </Typography.Text>
                )}
              </Space>
            </AntdList.Item>
          )}
        />
      )}
    </Card>
  )
}
