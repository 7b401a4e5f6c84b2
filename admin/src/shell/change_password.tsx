import { useState } from 'react'
import { Alert, Form, Input, Modal, Typography, message } from 'antd'
import { API_URL, http, type ApiHttpError } from '../providers/http'

interface Values {
  current_password: string
  password: string
  confirm: string
}

const MIN_LENGTH = 12

/**
 * The signed-in person changes their own password. The server checks the
 * current one and refuses new ones that are short or easy to guess (its
 * message says why); every other session and personal token then ends.
 */
export default function ChangePasswordModal({
  open,
  onClose,
}: {
  open: boolean
  onClose: () => void
}) {
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  async function submit(values: Values) {
    setSaving(true)
    setFailure(null)
    try {
      await http.post(`${API_URL}/auth/password`, {
        current_password: values.current_password,
        password: values.password,
      })
      message.success('Password changed. Your other sessions and personal tokens were signed out.')
      form.resetFields()
      onClose()
    } catch (error) {
      const e = error as ApiHttpError
      const fields = Object.entries(e.errors ?? {}).map(([name, errors]) => ({
        name: name as keyof Values,
        errors: errors as string[],
      }))
      if (fields.length) form.setFields(fields)
      else setFailure(e.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      title="Change your password"
      open={open}
      okText="Change password"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields()
        setFailure(null)
        onClose()
      }}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label="Current password"
          name="current_password"
          rules={[{ required: true, message: 'Enter your current password' }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label="New password"
          name="password"
          extra={`At least ${MIN_LENGTH} characters. A few uncommon words work well; common passwords are refused.`}
          rules={[
            { required: true, message: 'Enter a new password' },
            { min: MIN_LENGTH, message: `At least ${MIN_LENGTH} characters` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="New password again"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: 'Enter the new password again' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('The two passwords differ')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Text type="secondary">
          You stay signed in here; every other browser and personal token of yours is signed out.
        </Typography.Text>
      </Form>
    </Modal>
  )
}
