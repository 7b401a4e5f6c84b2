import type { HttpError } from '@refinedev/core'
import { useList } from '@refinedev/core'
import { Create, useForm } from '@refinedev/antd'
import { AutoComplete, Form, Input } from 'antd'
import type { AgentRecord } from '../../lib/agents'
import { formErrorNotification } from '../../lib/notifications'

export default function AgentCreate() {
  const { formProps, saveButtonProps } = useForm<AgentRecord, HttpError>({
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  // The agent types plugins declare are those of existing agents; suggest them.
  const { result } = useList<AgentRecord>({
    resource: 'agents',
    pagination: { pageSize: 100 },
    liveMode: 'off',
  })
  const types = [...new Set(result.data.map((agent) => agent.type))].sort()

  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <Form.Item
          label="Name"
          name="name"
          extra="Lowercase letters, digits, - and _; unique."
          rules={[
            { required: true, message: 'Name the agent' },
            { pattern: /^[a-z0-9][a-z0-9_-]*$/, message: 'Lowercase letters, digits, - and _' },
            { min: 2, max: 64, message: '2 to 64 characters' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Type"
          name="type"
          rules={[{ required: true, message: 'Pick the agent type' }, { max: 64 }]}
        >
          <AutoComplete
            options={types.map((value) => ({ value }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          />
        </Form.Item>
      </Form>
    </Create>
  )
}
