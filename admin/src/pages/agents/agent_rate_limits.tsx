import { useEffect, useState } from 'react'
import { useCan, useCustom, useCustomMutation } from '@refinedev/core'
import { Button, Card, Descriptions, InputNumber, Space, Tag, Tooltip, Typography } from 'antd'
import { API_URL } from '../../providers/http'
import { QueryError } from '../../components/states'
import type { components } from '#client/api_types'
import type { LimitField, LimitSource } from '../../../../backend/enums/rate_limit'

type RateLimitsView = components['schemas']['AgentRateLimits']
type Values = Record<LimitField, number | null>

const FIELDS: { field: LimitField; label: string }[] = [
  { field: 'requests_per_minute', label: 'Requests / min' },
  { field: 'writes_per_minute', label: 'Writes / min' },
]

const SOURCE: Record<LimitSource, { text: string; color: string }> = {
  agent: { text: 'this agent', color: 'blue' },
  agent_type: { text: 'agent type', color: 'purple' },
  default: { text: 'default', color: 'default' },
}

const perMinute = (value: number) => (value === 0 ? 'unlimited' : value.toLocaleString())

function valuesOf(own: RateLimitsView['own'] | undefined): Values {
  return {
    requests_per_minute: own?.requests_per_minute ?? null,
    writes_per_minute: own?.writes_per_minute ?? null,
  }
}

/** Two numbers (empty = inherited) and Save / Clear, for the agent's own limits or its type's. */
function LimitsForm({
  title,
  saved,
  url,
  onSaved,
}: {
  title: string
  saved: RateLimitsView['own'] | undefined
  url: string
  onSaved: () => void
}) {
  const [values, setValues] = useState<Values>(valuesOf(saved))
  useEffect(() => setValues(valuesOf(saved)), [saved])
  const { mutate, mutation } = useCustomMutation()
  const empty = values.requests_per_minute === null && values.writes_per_minute === null

  const send = (method: 'put' | 'delete') =>
    mutate(
      {
        url,
        method,
        values: method === 'put' ? values : {},
        successNotification: () => ({ type: 'success', message: `${title}: rate limits saved` }),
        errorNotification: (error) => ({
          type: 'error',
          message: `${title}: the rate limits could not be saved`,
          description: error?.message,
        }),
      },
      { onSuccess: onSaved }
    )

  return (
    <Space wrap size="small">
      <Typography.Text style={{ minWidth: 110, display: 'inline-block' }}>{title}</Typography.Text>
      {FIELDS.map(({ field, label }) => (
        <InputNumber
          key={field}
          size="small"
          min={0}
          max={1_000_000}
          precision={0}
          placeholder="inherit"
          addonBefore={label}
          value={values[field]}
          onChange={(value) => setValues({ ...values, [field]: value ?? null })}
          style={{ width: 190 }}
        />
      ))}
      <Button
        size="small"
        type="primary"
        loading={mutation.isPending}
        // inheriting both is a DELETE (the API refuses a setting with no value)
        disabled={empty && !saved}
        onClick={() => send(empty ? 'delete' : 'put')}
      >
        Save
      </Button>
      {saved && (
        <Button size="small" onClick={() => send('delete')} loading={mutation.isPending}>
          Clear
        </Button>
      )}
    </Space>
  )
}

/**
 * An agent's rate limits (admins): what applies and where it comes from, and
 * the agent's own values and its type's, editable. 0 is unlimited; an empty
 * value inherits (the agent's from its type, the type's from the defaults).
 */
export function AgentRateLimits({ agentId }: { agentId: string }) {
  const { data: access } = useCan({ resource: 'agents', action: 'rate_limits' })
  const allowed = Boolean(access?.can)
  const url = `${API_URL}/agents/${agentId}/rate-limits`
  const { result, query } = useCustom<RateLimitsView>({
    url,
    method: 'get',
    queryOptions: { enabled: allowed },
    errorNotification: false,
  })
  if (!allowed) return null
  const limits = query.isSuccess ? result.data : undefined
  const refetch = () => void query.refetch()

  return (
    <Card title="Rate limits" size="small" loading={query.isLoading}>
      {query.isError ? (
        <QueryError title="The rate limits could not be loaded" error={query.error} />
      ) : limits ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={2} size="small">
            {FIELDS.map(({ field, label }) => {
              const source = SOURCE[limits.sources[field]]
              return (
                <Descriptions.Item key={field} label={label}>
                  <Space size={4}>
                    {perMinute(limits[field])}
                    <Tooltip title="Where this limit comes from">
                      <Tag color={source.color}>{source.text}</Tag>
                    </Tooltip>
                  </Space>
                </Descriptions.Item>
              )
            })}
          </Descriptions>
          <LimitsForm title="This agent" saved={limits.own} url={url} onSaved={refetch} />
          <LimitsForm
            title={`Type ${limits.agent_type}`}
            saved={limits.type}
            url={`${API_URL}/agent-types/${encodeURIComponent(limits.agent_type)}/rate-limits`}
            onSaved={refetch}
          />
          <Typography.Text type="secondary">
            Defaults: {perMinute(limits.defaults.requests_per_minute)} requests and{' '}
            {perMinute(limits.defaults.writes_per_minute)} writes per minute. Empty inherits; 0 is
            unlimited. Over a limit the agent gets 429 and waits.
          </Typography.Text>
        </Space>
      ) : null}
    </Card>
  )
}
