import { useState } from 'react'
import { useCan, useCustom } from '@refinedev/core'
import { List } from '@refinedev/antd'
import {
  App,
  Button,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { QueryError } from '../../components/states'
import { BudgetBar, SpendOverTime } from './spend'
import { RecordSelect } from '../../components/record_select'
import { API_URL, http, toHttpError } from '../../providers/http'
import { formatDateTime } from '../../lib/format'
import { useNames } from '../../lib/use_names'
import {
  budgetScope,
  formatTokens,
  formatUsd,
  useSpend,
  type BudgetRecord,
} from '../../lib/budgets'

function limitText(budget: BudgetRecord) {
  return [
    budget.limit_usd !== null ? formatUsd(budget.limit_usd) : null,
    budget.limit_tokens !== null ? `${formatTokens(budget.limit_tokens)} tokens` : null,
  ]
    .filter(Boolean)
    .join(' and ')
}

function leftText(budget: BudgetRecord) {
  const { current } = budget
  return [
    current.remaining_usd !== null ? formatUsd(current.remaining_usd) : null,
    current.remaining_tokens !== null ? `${formatTokens(current.remaining_tokens)} tokens` : null,
  ]
    .filter(Boolean)
    .join(' · ')
}

interface BudgetFormValues {
  scope: BudgetRecord['scope']
  agent_id?: string
  agent_type?: string
  period: BudgetRecord['period']
  limit_usd?: number | null
  limit_tokens?: number | null
}

/** Creating (every field) or changing (the limits) a budget, with the server's field errors. */
function BudgetForm({
  budget,
  open,
  onClose,
  onSaved,
}: {
  budget: BudgetRecord | null
  open: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const [form] = Form.useForm<BudgetFormValues>()
  const [saving, setSaving] = useState(false)
  const { message } = App.useApp()
  const scope = Form.useWatch('scope', form)
  const { result: types } = useCustom<{ name: string; label?: string }[]>({
    url: `${API_URL}/agent-types`,
    method: 'get',
    queryOptions: { enabled: open && !budget },
    errorNotification: false,
  })

  const save = async () => {
    const values = await form.validateFields()
    setSaving(true)
    try {
      const limits = {
        limit_usd: values.limit_usd ?? null,
        limit_tokens: values.limit_tokens ?? null,
      }
      if (budget) await http.patch(`${API_URL}/budgets/${budget.id}`, limits)
      else await http.post(`${API_URL}/budgets`, { ...values, ...limits })
      message.success(budget ? 'Budget changed' : 'Budget set')
      onSaved()
      onClose()
    } catch (failure) {
      const error = toHttpError(failure)
      const fields = Object.entries(error.errors ?? {}).map(([name, errors]) => ({
        name: name as keyof BudgetFormValues,
        errors: Array.isArray(errors) ? (errors as string[]) : [String(errors)],
      }))
      if (fields.length) form.setFields(fields)
      else message.error(error.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      title={budget ? 'Change budget' : 'New budget'}
      open={open}
      onCancel={onClose}
      onOk={save}
      okText={budget ? 'Save' : 'Set budget'}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) return
        form.setFieldsValue(
          budget
            ? { limit_usd: budget.limit_usd, limit_tokens: budget.limit_tokens }
            : { scope: 'agent', period: 'day' }
        )
      }}
    >
      <Form form={form} layout="vertical" preserve={false} name="budget">
        {!budget && (
          <>
            <Form.Item name="scope" label="Covers" rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'agent', label: 'One agent' },
                  { value: 'agent_type', label: 'An agent type' },
                  { value: 'overall', label: 'All agents' },
                ]}
                optionType="button"
              />
            </Form.Item>
            {scope === 'agent' && (
              <Form.Item
                name="agent_id"
                label="Agent"
                rules={[{ required: true, message: 'Pick an agent' }]}
              >
                <RecordSelect
                  id="budget_agent_id"
                  resource="agents"
                  optionLabel="name"
                  placeholder="Agent"
                />
              </Form.Item>
            )}
            {scope === 'agent_type' && (
              <Form.Item
                name="agent_type"
                label="Agent type"
                rules={[{ required: true, message: 'Pick an agent type' }]}
              >
                <Select
                  placeholder="Agent type"
                  options={(types?.data ?? []).map((type) => ({
                    value: type.name,
                    label: type.name,
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item name="period" label="Per" rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'day', label: 'Day' },
                  { value: 'month', label: 'Month' },
                ]}
                optionType="button"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="limit_usd"
          label="Limit in USD"
          extra="Leave empty for no USD limit; give at least one limit."
        >
          <InputNumber min={0.0001} step={1} prefix="$" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="limit_tokens" label="Limit in tokens (input and output)">
          <InputNumber min={1} step={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

export default function BudgetList() {
  const { data: access } = useCan({ resource: 'budgets', action: 'create' })
  const canManage = access?.can === true
  const budgets = useSpend<BudgetRecord[]>('budgets', { _start: '0', _end: '500' })
  const [editing, setEditing] = useState<BudgetRecord | null>(null)
  const [creating, setCreating] = useState(false)
  const { message } = App.useApp()
  const agentName = useNames(
    'agents',
    (budgets.data ?? []).map((b) => b.agent_id),
    'name'
  )

  const remove = async (budget: BudgetRecord) => {
    try {
      await http.delete(`${API_URL}/budgets/${budget.id}`)
      message.success('Budget removed')
      budgets.reload()
    } catch (failure) {
      message.error(toHttpError(failure).message)
    }
  }

  return (
    <List
      title="Budgets"
      headerButtons={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            New budget
          </Button>
        ) : null
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Agents reserve what a step may cost before they run it; a step that does not fit a budget
          is refused and the agent is paused until an admin resumes it. Budgets reset at midnight
          (daily) or on the 1st (monthly) in the server&apos;s budget time zone.
        </Typography.Paragraph>
        <SpendOverTime title="Spend, all agents" />
        {budgets.error ? (
          <QueryError
            title="The budgets could not be loaded"
            error={{ message: budgets.error }}
            onRetry={budgets.reload}
          />
        ) : (
          <Table<BudgetRecord>
            dataSource={budgets.data ?? []}
            loading={budgets.loading}
            rowKey="id"
            pagination={false}
            scroll={{ x: true }}
            locale={{
              emptyText: canManage
                ? 'No budgets yet: agents may spend without a limit. Set one with “New budget”.'
                : 'No budgets yet: agents may spend without a limit.',
            }}
          >
            <Table.Column<BudgetRecord>
              title="Covers"
              key="scope"
              render={(_, budget) =>
                budget.scope === 'agent' ? (
                  <Link to={`/agents/show/${budget.agent_id}`}>
                    {budgetScope(budget, agentName)}
                  </Link>
                ) : (
                  budgetScope(budget)
                )
              }
            />
            <Table.Column<BudgetRecord>
              title="Per"
              dataIndex="period"
              render={(period: string) => <Tag>{period}</Tag>}
            />
            <Table.Column<BudgetRecord> title="Limit" key="limit" render={(_, b) => limitText(b)} />
            <Table.Column<BudgetRecord>
              title="This period"
              key="use"
              width={220}
              render={(_, budget) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <BudgetBar budget={budget} />
                  {budget.current.reached && <Tag color="red">reached</Tag>}
                </Space>
              )}
            />
            <Table.Column<BudgetRecord> title="Left" key="left" render={(_, b) => leftText(b)} />
            <Table.Column<BudgetRecord>
              title="Resets"
              key="resets"
              render={(_, budget) => formatDateTime(budget.current.resets_at)}
            />
            {canManage && (
              <Table.Column<BudgetRecord>
                title="Actions"
                key="actions"
                render={(_, budget) => (
                  <Space>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label="Change budget"
                      onClick={() => setEditing(budget)}
                    />
                    <Popconfirm
                      title="Remove this budget?"
                      description="Agents it covers may then spend without this limit."
                      okText="Remove"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove(budget)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="Remove budget"
                      />
                    </Popconfirm>
                  </Space>
                )}
              />
            )}
          </Table>
        )}
      </Space>
      <BudgetForm
        budget={editing}
        open={creating || editing !== null}
        onClose={() => {
          setCreating(false)
          setEditing(null)
        }}
        onSaved={budgets.reload}
      />
    </List>
  )
}
