import { Space, Tag, Typography } from 'antd'
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons'
import type { components } from '#client/api_types'
import { CHANNEL_LABELS, type DraftChannel } from './shared'

/** A row of GET /api/approval-policies. */
export type ApprovalPolicyRecord = components['schemas']['ApprovalPolicy']
/** GET /api/autonomy/:agent_id */
export type AgentAutonomy = components['schemas']['AgentAutonomy']
export type AutonomyRecord = components['schemas']['AutonomyRecord']
export type AutonomyCheck = components['schemas']['AutonomyCheck']
export type PolicyRules = components['schemas']['PolicyRules']
/** A row of GET /api/approvals. */
export type ApprovalRecord = components['schemas']['Approval']

/** The path segment of "any kind". */
export const ANY_KIND = 'any'

export const kindLabel = (channel: DraftChannel | null | undefined) =>
  channel ? (CHANNEL_LABELS[channel] ?? channel) : 'Any kind'

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`

/** A policy in one line: "auto-approve after 20 decisions, ≥ 90% clean, no rejection in the last 10". */
export function describeRules(
  rules: Pick<
    PolicyRules,
    'mode' | 'min_decided' | 'min_clean_rate' | 'no_rejection_in_last' | 'required_approvals'
  >
) {
  if (rules.mode === 'always_ask') {
    return rules.required_approvals > 1
      ? `Always ask; ${rules.required_approvals} different admins must approve`
      : 'Always ask'
  }
  const parts = [
    `after ${rules.min_decided} decisions`,
    `≥ ${percent(rules.min_clean_rate)} approved untouched`,
  ]
  if (rules.no_rejection_in_last > 0)
    parts.push(`no rejection in the last ${rules.no_rejection_in_last}`)
  return `Auto-approve ${parts.join(', ')}`
}

const CHECK_LABELS: Record<AutonomyCheck['rule'], (check: AutonomyCheck) => string> = {
  min_decided: (c) => `${c.actual ?? 0} of ${c.required} decisions`,
  min_clean_rate: (c) => `${percent(c.actual)} approved untouched (needs ${percent(c.required)})`,
  no_rejection_in_last: (c) =>
    c.ok
      ? `no rejection in the last ${c.required}`
      : `${c.actual} rejected in the last ${c.required}`,
}

/** Each threshold, met or not. */
export function Checks({ checks }: { checks: AutonomyCheck[] }) {
  return (
    <Space direction="vertical" size={0}>
      {checks.map((check) => (
        <Typography.Text key={check.rule} data-testid={`check-${check.rule}`}>
          {check.ok ? (
            <CheckCircleTwoTone twoToneColor="#52c41a" />
          ) : (
            <CloseCircleTwoTone twoToneColor="#ff4d4f" />
          )}{' '}
          {CHECK_LABELS[check.rule](check)}
        </Typography.Text>
      ))}
    </Space>
  )
}

/** Why the policy approved a draft: the rule as it stood, and what the author's record was. */
export function PolicyEvidence({ approval }: { approval: ApprovalRecord }) {
  if (!approval.policy || !approval.evidence) return null
  const { record } = approval.evidence
  return (
    <Space direction="vertical" size={4} data-testid="policy-evidence">
      <Typography.Text>
        Policy for {approval.policy.agent_type} · {kindLabel(approval.policy.channel)}:{' '}
        {describeRules(approval.policy)}
      </Typography.Text>
      <Typography.Text type="secondary">
        The author’s record{record.channel ? ` (${kindLabel(record.channel)})` : ''}:{' '}
        {record.decided} decided, {record.clean_approvals} approved untouched,{' '}
        {record.changes_requested} changes requested, {record.rejections} rejected
      </Typography.Text>
      <Checks checks={approval.evidence.checks} />
    </Space>
  )
}

export function ByPolicyTag() {
  return <Tag color="purple">Approved by policy</Tag>
}
