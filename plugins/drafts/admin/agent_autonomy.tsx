import { useState } from 'react'
import { useCan, useCustom, type HttpError } from '@refinedev/core'
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  List as AntdList,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd'
import { Link } from 'react-router'
import type { AgentViewProps } from '@admin/plugin_api'
import { Loading, QueryError } from '@admin/components/states'
import { API_URL, http, type ApiHttpError } from '@admin/providers/http'
import { formatDateTime, shortId } from '@admin/lib/format'
import { Checks, describeRules, kindLabel, percent, type AgentAutonomy } from './autonomy_shared'
import { CHANNEL_LABELS } from './shared'

/** The agent's autonomy, refetched when `version` changes (after a revoke or restore). */
function useAutonomy(agentId: string) {
  const { result, query } = useCustom<AgentAutonomy>({
    url: `${API_URL}/autonomy/${agentId}`,
    method: 'get',
    queryOptions: { queryKey: ['autonomy', agentId] },
    errorNotification: false,
  })
  const data = result.data as AgentAutonomy | undefined
  return { autonomy: data && 'agent_id' in data ? data : undefined, query }
}

const DEMOTION_CAUSES: Record<string, string> = {
  reject: 'a rejection',
  request_changes: 'a request for changes',
  edit_inline_approve: 'an inline edit',
}

/** Revoke (with a reason, after confirmation) or restore; admins only. */
function AutonomySwitch({ autonomy, onDone }: { autonomy: AgentAutonomy; onDone: () => void }) {
  const { message } = App.useApp()
  const { data: access } = useCan({ resource: 'autonomy', action: 'manage' })
  const [busy, setBusy] = useState(false)
  const [reason, setReason] = useState('')
  if (!access?.can) return null

  const run = async (what: 'revoke' | 'restore') => {
    setBusy(true)
    try {
      await http.post(
        `${API_URL}/autonomy/${autonomy.agent_id}/${what}`,
        what === 'revoke' ? { reason: reason.trim() || null } : {}
      )
      message.success(what === 'revoke' ? 'Autonomy revoked' : 'Autonomy restored')
      setReason('')
    } catch (failure) {
      message.error(`Could not ${what}: ${(failure as ApiHttpError).message}`)
    } finally {
      setBusy(false)
      onDone()
    }
  }

  if (autonomy.state.revoked)
    return (
      <Button
        size="small"
        loading={busy}
        onClick={() => run('restore')}
        data-testid="autonomy-restore"
      >
        Restore autonomy
      </Button>
    )
  return (
    <Popconfirm
      title="Revoke this agent's autonomy?"
      description={
        <Space direction="vertical" style={{ maxWidth: 280 }}>
          <span>
            Every draft of its waits for an admin, whatever its record, until you restore it.
          </span>
          <Input
            size="small"
            placeholder="Why (optional)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="revoke-reason"
          />
        </Space>
      }
      okText="Revoke"
      okButtonProps={{ danger: true }}
      onConfirm={() => run('revoke')}
    >
      <Button size="small" danger loading={busy} data-testid="autonomy-revoke">
        Revoke autonomy
      </Button>
    </Popconfirm>
  )
}

/**
 * The agent's page: its record (from people's decisions since its last
 * demotion), whether its drafts are approved by policy now and why, and the
 * admin's Revoke / Restore.
 */
export function AutonomyPanel({ agentId }: AgentViewProps) {
  const { autonomy, query } = useAutonomy(agentId)
  const title = 'Earned autonomy'
  if (query.isLoading)
    return (
      <Card size="small" title={title}>
        <Loading minHeight={80} />
      </Card>
    )
  if (query.isError || !autonomy)
    return (
      <Card size="small" title={title}>
        <QueryError
          title="The agent's record could not be loaded"
          error={query.error as HttpError | null}
          onRetry={() => query.refetch()}
        />
      </Card>
    )
  const { record, state, policies } = autonomy
  const kinds = autonomy.auto_approved_kinds
  return (
    <Card
      size="small"
      title={title}
      data-testid="autonomy-panel"
      extra={<AutonomySwitch autonomy={autonomy} onDone={() => query.refetch()} />}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {state.revoked ? (
            <Tag color="red" data-testid="autonomy-state">
              Revoked
            </Tag>
          ) : kinds.length ? (
            <Tag color="green" data-testid="autonomy-state">
              Auto-approved: {kinds.map((kind) => CHANNEL_LABELS[kind] ?? kind).join(', ')}
            </Tag>
          ) : (
            <Tag data-testid="autonomy-state">Every draft waits for an admin</Tag>
          )}
          {state.revoked && (
            <Typography.Text type="secondary">
              since {formatDateTime(state.revoked_at)}
              {state.revoke_reason && ` — “${state.revoke_reason}”`}
            </Typography.Text>
          )}
        </Space>
        {state.demoted_at && (
          <Typography.Text type="secondary" data-testid="autonomy-demoted">
            Record restarted {formatDateTime(state.demoted_at)} after{' '}
            {DEMOTION_CAUSES[state.demoted_by?.action ?? ''] ?? 'a correction'}
            {state.demoted_by?.draft_id && (
              <>
                {' '}
                on draft{' '}
                <Link to={`/drafts/show/${state.demoted_by.draft_id}`}>
                  #{shortId(state.demoted_by.draft_id)}
                </Link>
              </>
            )}
            .
          </Typography.Text>
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} bordered>
          <Descriptions.Item label="Decided">{record.decided}</Descriptions.Item>
          <Descriptions.Item label="Approved untouched">
            {record.clean_approvals} ({percent(record.clean_rate)})
          </Descriptions.Item>
          <Descriptions.Item label="With notes">{record.approved_with_notes}</Descriptions.Item>
          <Descriptions.Item label="Edited inline">
            {record.inline_edits}
            {record.avg_edit_share !== null &&
              ` (${percent(record.avg_edit_share)} of the text changed on average)`}
          </Descriptions.Item>
          <Descriptions.Item label="Changes requested">
            {record.changes_requested}
          </Descriptions.Item>
          <Descriptions.Item label="Rejected">{record.rejections}</Descriptions.Item>
          <Descriptions.Item label="Last rejection">
            {formatDateTime(record.last_rejection_at)}
          </Descriptions.Item>
          <Descriptions.Item label="Approved by policy">{record.auto_approved}</Descriptions.Item>
        </Descriptions>
        {policies.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                No approval policy for {autonomy.agent_type} agents: every draft waits for an admin.{' '}
                <Link to="/approval-policies">Approval policies</Link>
              </>
            }
          />
        ) : (
          <AntdList
            size="small"
            header={<Typography.Text strong>Policies for {autonomy.agent_type}</Typography.Text>}
            dataSource={policies}
            rowKey={(standing) => standing.policy.id}
            renderItem={(standing) => (
              <AntdList.Item data-testid={`standing-${standing.policy.channel ?? 'any'}`}>
                <Space direction="vertical" size={2}>
                  <Space wrap>
                    <Typography.Text strong>{kindLabel(standing.policy.channel)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {describeRules(standing.policy)}
                    </Typography.Text>
                    {standing.auto_approves ? (
                      <Tag color="green">auto-approves</Tag>
                    ) : standing.policy.mode === 'auto_approve' ? (
                      <Tag>{standing.qualifies ? 'qualifies (revoked)' : 'not yet earned'}</Tag>
                    ) : null}
                  </Space>
                  {standing.checks.length > 0 && <Checks checks={standing.checks} />}
                </Space>
              </AntdList.Item>
            )}
          />
        )}
      </Space>
    </Card>
  )
}

/** One line on the agent's card: auto-approved kinds, or how far it is, or revoked. */
export function AutonomyCardLine({ agentId }: AgentViewProps) {
  const { autonomy, query } = useAutonomy(agentId)
  if (query.isLoading || query.isError || !autonomy) return null
  // an agent no policy covers has nothing to earn: no line
  if (autonomy.policies.length === 0) return null
  const { record, state } = autonomy
  const numbers = `${record.decided} decided, ${percent(record.clean_rate)} untouched`
  let text: string
  if (state.revoked) text = 'revoked'
  else if (autonomy.auto_approved_kinds.length)
    text = `auto-approved (${autonomy.auto_approved_kinds
      .map((kind) => CHANNEL_LABELS[kind] ?? kind)
      .join(', ')})`
  else text = 'every draft asks'
  return (
    <Typography.Text data-testid="autonomy-line" ellipsis={{ tooltip: `${text} · ${numbers}` }}>
      Autonomy: {text} · <Typography.Text type="secondary">{numbers}</Typography.Text>
    </Typography.Text>
  )
}
