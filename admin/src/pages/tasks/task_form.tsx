import type { FormProps } from 'antd'
import { Col, Form, Input, Row, Select } from 'antd'
import { usePermissions } from '@refinedev/core'
import { RecordSelect } from '../../components/record_select'
import { taskLinks } from '../../registry'
import { linkField } from '../../lib/task_links'
import {
  COLUMN_LABELS,
  OWNER_TYPES,
  PRIORITY_OPTIONS,
  TASK_COLUMNS,
  moveRefusal,
  type TaskRecord,
} from '../../lib/tasks'

/** Cleared selects send null (unlink), not nothing. */
export function normalizeTask(values: Record<string, unknown>) {
  const result: Record<string, unknown> = { ...values }
  const nullable = ['owner_id', ...taskLinks().map((link) => linkField(link.kind))]
  for (const key of nullable) if (key in result && result[key] === undefined) result[key] = null
  if (result.owner_type !== 'agent') result.owner_id = null
  return result
}

/**
 * Create and edit share it. The column list offers only the moves this
 * role may make from the task's current column (greyed out, with the
 * reason, otherwise): the server would refuse them anyway.
 */
export function TaskForm({
  formProps,
  current,
}: {
  formProps: FormProps
  /** The task as loaded (edit); undefined when creating. */
  current?: TaskRecord
}) {
  const { data: permissions = [] } = usePermissions<string[]>({})
  const ownerType = Form.useWatch('owner_type', formProps.form)
  const from = current?.column ?? null

  const columnOptions = TASK_COLUMNS.map((column) => {
    const refusal = moveRefusal(from, column, permissions)
    return {
      value: column,
      label: refusal ? `${COLUMN_LABELS[column]} — ${refusal}` : COLUMN_LABELS[column],
      disabled: Boolean(refusal),
    }
  })

  return (
    <Form
      {...formProps}
      layout="vertical"
      onFinish={(values) => formProps.onFinish?.(normalizeTask(values as Record<string, unknown>))}
    >
      <Form.Item
        label="Title"
        name="title"
        rules={[
          { required: true, whitespace: true, message: 'Give the task a title' },
          { max: 200, message: 'At most 200 characters' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item label="Description" name="description" rules={[{ max: 10_000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Column" name="column" rules={[{ required: true }]}>
            <Select options={columnOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Priority" name="priority" rules={[{ required: true }]}>
            <Select options={PRIORITY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Owner" name="owner_type" rules={[{ required: true }]}>
            <Select options={OWNER_TYPES.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
      </Row>
      {ownerType === 'agent' && (
        <Form.Item
          label="Agent"
          name="owner_id"
          rules={[{ required: true, message: 'Pick the agent' }]}
        >
          <RecordSelect resource="agents" optionLabel="name" placeholder="Search agents" />
        </Form.Item>
      )}
      <Row gutter={16}>
        {taskLinks().map((link) => (
          <Col xs={24} md={12} key={link.kind}>
            <Form.Item label={`Linked ${link.label.toLowerCase()}`} name={linkField(link.kind)}>
              <RecordSelect
                resource={link.resource}
                optionLabel={link.pickerLabel ?? link.nameField ?? 'id'}
                placeholder={`Search ${link.resource}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  )
}
