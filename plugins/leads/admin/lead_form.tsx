import type { FormProps } from 'antd'
import { Button, Col, Form, Input, Row, Select, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { FOLLOW_UP_FIELDS, SCORE_OPTIONS, STATUS_OPTIONS } from './shared'

/* An emptied optional field is sent as null, so the server clears it. */
const OPTIONAL_TEXT = ['contact_name', 'contact_role', 'email', 'phone', 'next_step'] as const

/** The values to send: follow-up fields only for closers; empty optional text → null. */
export function leadValues(values: Record<string, unknown>, followUpOnly: boolean) {
  const result: Record<string, unknown> = {}
  const keys = followUpOnly ? FOLLOW_UP_FIELDS : Object.keys(values)
  for (const key of keys) {
    if (!(key in values)) continue
    let value = values[key]
    if ((OPTIONAL_TEXT as readonly string[]).includes(key)) {
      value = typeof value === 'string' && value.trim() !== '' ? value : null
    }
    if (key === 'notes') {
      value = (Array.isArray(value) ? value : [])
        .map((note) => (typeof note === 'string' ? note.trim() : ''))
        .filter(Boolean)
    }
    result[key] = value
  }
  return result
}

function NotesField() {
  return (
    <Form.Item label="Notes" extra="Personalization bullets a closer reads before a call.">
      <Form.List name="notes">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <Space.Compact key={field.key} style={{ width: '100%' }}>
                <Form.Item
                  name={field.name}
                  noStyle
                  rules={[{ max: 1000, message: 'At most 1000 characters' }]}
                >
                  <Input placeholder="Recently opened a second location" />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label="Remove note"
                />
              </Space.Compact>
            ))}
            {fields.length < 50 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                Add note
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  )
}

/**
 * Create and edit. `followUpOnly` (closers) shows status, next step and
 * notes only, and sends nothing else: the server refuses other fields
 * from that role.
 */
export function LeadForm({
  formProps,
  followUpOnly = false,
}: {
  formProps: FormProps
  followUpOnly?: boolean
}) {
  const onFinish = (values: Record<string, unknown>) =>
    formProps.onFinish?.(leadValues(values, followUpOnly))

  const followUp = (
    <>
      <Form.Item
        label="Status"
        name="status"
        rules={[{ required: true, message: 'Pick a status' }]}
      >
        <Select options={STATUS_OPTIONS} />
      </Form.Item>
      <Form.Item label="Next step" name="next_step" rules={[{ max: 500 }]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder="Call back Tuesday morning"
        />
      </Form.Item>
      <NotesField />
    </>
  )

  if (followUpOnly) {
    return (
      <Form {...formProps} layout="vertical" onFinish={onFinish}>
        {followUp}
      </Form>
    )
  }

  return (
    <Form {...formProps} layout="vertical" onFinish={onFinish}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="Business name"
            name="business_name"
            rules={[
              { required: true, whitespace: true, message: 'Name the business' },
              { max: 200 },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="Website"
            name="website"
            rules={[
              {
                required: true,
                whitespace: true,
                message: 'The website is how leads are deduplicated',
              },
            ]}
          >
            <Input placeholder="https://example.com" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="Niche"
            name="niche"
            rules={[{ required: true, whitespace: true }, { max: 100 }]}
          >
            <Input placeholder="Dentists" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="Region"
            name="region"
            rules={[{ required: true, whitespace: true }, { max: 100 }]}
          >
            <Input placeholder="Austin, TX" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Contact name" name="contact_name" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Contact role" name="contact_role" rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="Email"
            name="email"
            rules={[{ type: 'email', message: 'Not an email address' }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Phone" name="phone" rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="Source"
            name="source"
            rules={[{ required: true, whitespace: true }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Score" name="lead_score" rules={[{ required: true }]}>
            <Select options={SCORE_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      {followUp}
    </Form>
  )
}
