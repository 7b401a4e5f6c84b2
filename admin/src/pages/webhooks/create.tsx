import type { HttpError } from '@refinedev/core'
import { Create, useForm } from '@refinedev/antd'
import { Form } from 'antd'
import { formErrorNotification } from '../../lib/notifications'
import { WebhookFields, type WebhookRecord } from './shared'

export default function WebhookCreate() {
  const { formProps, saveButtonProps } = useForm<WebhookRecord, HttpError>({
    // the secret is shown on the subscription's page
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" initialValues={{ enabled: true, resource_types: [] }}>
        <WebhookFields />
      </Form>
    </Create>
  )
}
