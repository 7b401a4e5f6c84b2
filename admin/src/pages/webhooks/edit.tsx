import type { HttpError } from '@refinedev/core'
import { Edit, useForm } from '@refinedev/antd'
import { Alert, Form } from 'antd'
import { formErrorNotification } from '../../lib/notifications'
import { WebhookFields, type WebhookRecord } from './shared'

export default function WebhookEdit() {
  const { formProps, saveButtonProps, query } = useForm<WebhookRecord, HttpError>({
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  return (
    <Edit saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      {query?.isError ? (
        <Alert
          type="error"
          showIcon
          message="This webhook could not be loaded"
          description={query.error?.message}
        />
      ) : (
        <Form {...formProps} layout="vertical">
          <WebhookFields />
        </Form>
      )}
    </Edit>
  )
}
