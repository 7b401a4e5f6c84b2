import type { HttpError } from '@refinedev/core'
import { Create, useForm } from '@refinedev/antd'
import { Col, Form, Input, Row, Select } from 'antd'
import { RecordSelect } from '@admin/components/record_select'
import { hasResource } from '@admin/registry'
import { CHANNEL_OPTIONS, type DraftRecord } from './shared'
import { formErrorNotification } from '@admin/lib/notifications'

export default function DraftCreate() {
  const { formProps, saveButtonProps } = useForm<DraftRecord, HttpError>({
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        initialValues={{ channel: 'email' }}
        onFinish={(values: Record<string, unknown>) =>
          formProps.onFinish?.({ ...values, lead_id: values.lead_id ?? null })
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="Channel" name="channel" rules={[{ required: true }]}>
              <Select options={CHANNEL_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="Type"
              name="draft_type"
              rules={[
                { required: true, whitespace: true, message: 'What kind of draft is it?' },
                { max: 100 },
              ]}
            >
              <Input placeholder="cold_intro" />
            </Form.Item>
          </Col>
          {hasResource('leads') && (
            <Col xs={24} md={8}>
              <Form.Item label="Lead" name="lead_id">
                <RecordSelect
                  resource="leads"
                  optionLabel="business_name"
                  placeholder="Search leads"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item
          label="Content"
          name="content"
          rules={[
            { required: true, whitespace: true, message: 'Write the draft' },
            { max: 100_000 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} />
        </Form.Item>
        <Form.Item label="Change note" name="change_note" rules={[{ max: 5000 }]}>
          <Input placeholder="First version" />
        </Form.Item>
      </Form>
    </Create>
  )
}
