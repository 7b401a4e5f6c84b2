import { useState } from 'react'
import { useCan, useCustom, useList, type HttpError } from '@refinedev/core'
import { List } from '@refinedev/antd'
import {
  App,
  Button,
  Empty,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd'
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { QueryError, tableEmptyText } from '@admin/components/states'
import { API_URL, http, toHttpError } from '@admin/providers/http'
import { formatDateTime } from '@admin/lib/format'
import { CHANNEL_OPTIONS, type DraftChannel } from './shared'
import { ANY_KIND, describeRules, kindLabel, type ApprovalPolicyRecord } from './autonomy_shared'
import { DecisionHistory } from './decision_history'

interface PolicyForm {
  agent_type: string
  channel: DraftChannel | typeof ANY_KIND
  mode: 'always_ask' | 'auto_approve'
  min_decided: number
  /** in percent on the form, a share in the API */
  min_clean_percent: number
  no_rejection_in_last: number
  two_admins: boolean
}

const DEFAULTS: Omit<PolicyForm, 'agent_type' | 'channel'> = {
  mode: 'always_ask',
  min_decided: 20,
  min_clean_percent: 90,
  no_rejection_in_last: 10,
  two_admins: false,
}

const scopePath = (agentType: string, channel: string | null) =>
  `${API_URL}/approval-policies/${encodeURIComponent(agentType)}/${channel ?? ANY_KIND}`

/** Set (create or replace) one policy: the scope is fixed once it exists. */
function PolicyEditor({
  policy,
  open,
  onClose,
  onSaved,
}: {
  policy: ApprovalPolicyRecord | null
  open: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const [form] = Form.useForm<PolicyForm>()
  const [saving, setSaving] = useState(false)
  const { message } = App.useApp()
  const mode = Form.useWatch('mode', form)
  const { result: types } = useCustom<{ name: string; label?: string }[]>({
    url: `${API_URL}/agent-types`,
    method: 'get',
    queryOptions: { enabled: open },
    errorNotification: false,
  })
  const typeOptions = (Array.isArray(types.data) ? types.data : []).map((type) => ({
    value: type.name,
    label: type.label ? `${type.label} (${type.name})` : type.name,
  }))

  const save = async () => {
    const values = await form.validateFields()
    setSaving(true)
    try {
      await http.put(
        scopePath(values.agent_type, values.channel === ANY_KIND ? null : values.channel),
        {
          mode: values.mode,
          min_decided: values.min_decided,
          min_clean_rate: values.min_clean_percent / 100,
          no_rejection_in_last: values.no_rejection_in_last,
          required_approvals: values.mode === 'always_ask' && values.two_admins ? 2 : 1,
        }
      )
      message.success('Policy saved')
      onSaved()
      onClose()
    } catch (failure) {
      const error = toHttpError(failure)
      message.error(`The policy was not saved: ${error.message}`)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={policy ? 'Change the policy' : 'Set a policy'}
      okText="Save"
      onOk={save}
      okButtonProps={{ loading: saving }}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) return
        form.setFieldsValue(
          policy
            ? {
                agent_type: policy.agent_type,
                channel: policy.channel ?? ANY_KIND,
                mode: policy.mode,
                min_decided: policy.min_decided,
                min_clean_percent: Math.round(policy.min_clean_rate * 100),
                no_rejection_in_last: policy.no_rejection_in_last,
                two_admins: policy.required_approvals > 1,
              }
            : { ...DEFAULTS, channel: ANY_KIND }
        )
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ ...DEFAULTS, channel: ANY_KIND }}>
        <Form.Item
          name="agent_type"
          label="Agent type"
          rules={[{ required: true, message: 'Choose the agent type' }]}
        >
          <Select
            options={typeOptions}
            disabled={!!policy}
            showSearch
            placeholder="copywriter"
            data-testid="policy-agent-type"
          />
        </Form.Item>
        <Form.Item
          name="channel"
          label="Draft kind"
          extra="A kind's own policy wins over the type's “any kind” policy."
        >
          <Select
            disabled={!!policy}
            options={[{ value: ANY_KIND, label: 'Any kind' }, ...CHANNEL_OPTIONS]}
            data-testid="policy-channel"
          />
        </Form.Item>
        <Form.Item name="mode" label="Decision">
          <Radio.Group data-testid="policy-mode">
            <Radio.Button value="always_ask">Always ask</Radio.Button>
            <Radio.Button value="auto_approve">Auto-approve when earned</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {mode === 'auto_approve' ? (
          <>
            <Form.Item
              name="min_decided"
              label="At least this many decisions by people"
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={10000} precision={0} data-testid="policy-min-decided" />
            </Form.Item>
            <Form.Item
              name="min_clean_percent"
              label="Approved with no edit and no requested change, at least"
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} addonAfter="%" data-testid="policy-min-clean" />
            </Form.Item>
            <Form.Item
              name="no_rejection_in_last"
              label="No rejection among the last (0: no such rule)"
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={10000} precision={0} addonAfter="decisions" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="two_admins"
            label="Two different admins must approve"
            valuePropName="checked"
          >
            <Switch data-testid="policy-two-admins" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}

/**
 * Approval policies: per agent type and draft kind, always ask (the
 * default) or auto-approve once the agent's record earns it; the kinds that
 * need two admins; and what policies approved, and why.
 */
export default function ApprovalPolicies() {
  const { message } = App.useApp()
  const { data: access } = useCan({ resource: 'approval-policies', action: 'edit' })
  const canEdit = access?.can === true
  const [editing, setEditing] = useState<ApprovalPolicyRecord | null>(null)
  const [open, setOpen] = useState(false)
  const { result, query } = useList<ApprovalPolicyRecord, HttpError>({
    resource: 'approval-policies',
    pagination: { currentPage: 1, pageSize: 1000 },
    sorters: [
      { field: 'agent_type', order: 'asc' },
      { field: 'channel', order: 'asc' },
    ],
  })
  const policies = result.data ?? []

  const remove = async (policy: ApprovalPolicyRecord) => {
    try {
      await http.delete(scopePath(policy.agent_type, policy.channel))
      message.success('Policy removed')
    } catch (failure) {
      message.error(`The policy was not removed: ${toHttpError(failure).message}`)
    } finally {
      void query.refetch()
    }
  }

  return (
    <List
      title="Approval policies"
      headerButtons={
        canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null)
              setOpen(true)
            }}
            data-testid="policy-new"
          >
            Set a policy
          </Button>
        ) : undefined
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Without a policy every draft waits for an admin. With “auto-approve”, a draft is approved
          by the system when it is submitted, if its author’s record meets the thresholds: people’s
          decisions since the agent was last corrected (a rejection, a request for changes or an
          inline edit restarts it), never the policy’s own approvals. An admin can revoke an agent’s
          autonomy on its page.
        </Typography.Paragraph>
        {query.isError && (
          <QueryError
            title="The policies could not be loaded"
            error={query.error}
            onRetry={() => query.refetch()}
          />
        )}
        <Table<ApprovalPolicyRecord>
          dataSource={policies}
          loading={query.isLoading}
          rowKey="id"
          pagination={false}
          size="small"
          scroll={{ x: true }}
          data-testid="policies"
          locale={{
            emptyText: query.isError ? (
              tableEmptyText({ isError: true, noun: 'policies' })
            ) : (
              <Empty description="No policy yet: every draft waits for an admin" />
            ),
          }}
        >
          <Table.Column<ApprovalPolicyRecord> dataIndex="agent_type" title="Agent type" />
          <Table.Column<ApprovalPolicyRecord>
            dataIndex="channel"
            title="Draft kind"
            render={(channel: DraftChannel | null) => kindLabel(channel)}
          />
          <Table.Column<ApprovalPolicyRecord>
            key="rule"
            title="Rule"
            render={(_, policy) => (
              <Space wrap>
                <Tag color={policy.mode === 'auto_approve' ? 'green' : undefined}>
                  {policy.mode === 'auto_approve' ? 'auto-approve' : 'always ask'}
                </Tag>
                {policy.required_approvals > 1 && <Tag color="blue">two admins</Tag>}
                <Typography.Text type="secondary">{describeRules(policy)}</Typography.Text>
              </Space>
            )}
          />
          <Table.Column<ApprovalPolicyRecord>
            dataIndex="updated_at"
            title="Set"
            render={(at: string) => formatDateTime(at)}
          />
          {canEdit && (
            <Table.Column<ApprovalPolicyRecord>
              key="actions"
              title=""
              render={(_, policy) => (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label="Change"
                    onClick={() => {
                      setEditing(policy)
                      setOpen(true)
                    }}
                  />
                  <Popconfirm
                    title="Remove this policy?"
                    description={
                      policy.channel
                        ? 'Its drafts fall back to the type’s “any kind” policy, or always ask.'
                        : 'Drafts of kinds without a policy of their own will always ask.'
                    }
                    okText="Remove"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(policy)}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label="Remove" />
                  </Popconfirm>
                </Space>
              )}
            />
          )}
        </Table>
        <DecisionHistory autoOnly title="Approved by policy, and why" limit={20} />
      </Space>
      <PolicyEditor
        policy={editing}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => query.refetch()}
      />
    </List>
  )
}
