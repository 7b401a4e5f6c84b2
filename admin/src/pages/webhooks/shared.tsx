import type { components } from '#client/api_types'
import { useCustom } from '@refinedev/core'
import { Form, Input, Select, Switch } from 'antd'
import { useMemo } from 'react'
import { RecordSelect } from '../../components/record_select'

/* the API's own shapes (generated from the OpenAPI document) */
export type WebhookRecord = components['schemas']['Webhook']
export type DeliveryRecord = components['schemas']['WebhookDelivery']

export const DELIVERY_COLORS: Record<DeliveryRecord['status'], string> = {
  pending: 'gold',
  delivered: 'green',
  failed: 'red',
}

/* messages that are not events, offered beside the event types */
const MESSAGES = [
  { type: 'draft.feedback', note: 'feedback for the subscribed agent' },
  { type: 'webhook.test', note: 'test sends' },
]

/** Event type suggestions: `*`, each type the server knows, and its `prefix.*`. */
function useEventTypeOptions() {
  const { result } = useCustom<{ type: string; declared_by: string[] }[]>({
    url: '/api/events/types',
    method: 'get',
    errorNotification: false,
  })
  return useMemo(() => {
    const types = Array.isArray(result?.data) ? result.data.map((entry) => entry.type) : []
    const prefixes = [...new Set(types.map((type) => `${type.split('.')[0]}.*`))]
    return [
      { value: '*', label: '* (every event)' },
      ...prefixes.map((value) => ({ value, label: value })),
      ...types.map((value) => ({ value, label: value })),
      ...MESSAGES.map(({ type, note }) => ({ value: type, label: `${type} (${note})` })),
    ]
  }, [result])
}

/** The fields of a subscription, for create and edit. */
export function WebhookFields() {
  const eventOptions = useEventTypeOptions()
  return (
    <>
      <Form.Item
        label="URL"
        name="url"
        extra="http or https. Private and loopback addresses are refused unless the operator allows them."
        rules={[
          { required: true, message: 'Enter the URL that receives the webhooks' },
          { type: 'url', message: 'This is not a URL' },
        ]}
      >
        <Input placeholder="https://hooks.example.com/mission-control" autoComplete="off" />
      </Form.Item>
      <Form.Item label="Description" name="description">
        <Input placeholder="What receives it, for whom" maxLength={500} />
      </Form.Item>
      <Form.Item
        label="Event types"
        name="event_types"
        extra="Exact types, a prefix such as draft.*, or * for every event. Type to add one."
        rules={[{ required: true, type: 'array', min: 1, message: 'Pick at least one event type' }]}
      >
        <Select mode="tags" options={eventOptions} placeholder="draft.approved" />
      </Form.Item>
      <Form.Item
        label="Resources"
        name="resource_types"
        extra="Only events about these resources (tasks, agents, ...). Empty: all."
      >
        <Select mode="tags" placeholder="Every resource" />
      </Form.Item>
      <Form.Item
        label="Agent"
        name="agent_id"
        extra="Only the events about this agent, and its private messages (feedback on its work)."
      >
        <RecordSelect resource="agents" optionLabel="name" placeholder="Any agent" />
      </Form.Item>
      <Form.Item label="Enabled" name="enabled" valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  )
}
