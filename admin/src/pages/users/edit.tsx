import type { HttpError } from '@refinedev/core'
import { Edit, useForm } from '@refinedev/antd'
import { Alert, Form, Input, Select, Switch } from 'antd'
import { ROLE_OPTIONS, type Role, type UserRecord } from './shared'
import { formErrorNotification } from '../../lib/notifications'

interface UserChanges {
  role: Role
  is_active: boolean
}

export default function UserEdit() {
  const { formProps, saveButtonProps, query } = useForm<UserRecord, HttpError, UserChanges>({
    redirect: 'list',
    errorNotification: formErrorNotification,
  })
  const user = query?.data?.data

  return (
    <Edit saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      {query?.isError ? (
        <Alert
          type="error"
          showIcon
          message="This user could not be loaded"
          description={query.error?.message}
        />
      ) : (
        <Form {...formProps} layout="vertical">
          {/* The API does not change an email: shown, not sent. */}
          <Form.Item label="Email">
            <Input value={user?.email} disabled />
          </Form.Item>
          <Form.Item label="Role" name="role" rules={[{ required: true, message: 'Pick a role' }]}>
            <Select options={ROLE_OPTIONS} />
          </Form.Item>
          <Form.Item
            label="Active"
            name="is_active"
            valuePropName="checked"
            extra="A deactivated user loses every session and token at once."
          >
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Edit>
  )
}
