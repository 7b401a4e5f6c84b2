import type { HttpError } from '@refinedev/core'
import { Create, useForm } from '@refinedev/antd'
import { Form, Input, Select } from 'antd'
import { ROLE_OPTIONS, type Role, type UserRecord } from './shared'
import { formErrorNotification } from '../../lib/notifications'

interface NewUser {
  email: string
  role: Role
  password: string
}

export default function UserCreate() {
  const { formProps, saveButtonProps } = useForm<UserRecord, HttpError, NewUser>({
    redirect: 'list',
    errorNotification: formErrorNotification,
  })

  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" initialValues={{ role: 'viewer' }}>
        <Form.Item
          label="Email"
          name="email"
          rules={[
            { required: true, message: 'Enter an email' },
            { type: 'email', message: 'This is not an email address' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Role" name="role" rules={[{ required: true, message: 'Pick a role' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item
          label="Password"
          name="password"
          extra="At least 12 characters, not easy to guess: common passwords, repeats and the person's e-mail are refused."
          rules={[
            { required: true, message: 'Enter a password' },
            { min: 12, message: 'At least 12 characters' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Create>
  )
}
