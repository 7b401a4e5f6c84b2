import type { HttpError } from '@refinedev/core'
import { Create, useForm } from '@refinedev/antd'
import { LeadForm } from './lead_form'
import type { LeadRecord } from './shared'
import { formErrorNotification } from '@admin/lib/notifications'

export default function LeadCreate() {
  const { formProps, saveButtonProps } = useForm<LeadRecord, HttpError>({
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  return (
    <Create saveButtonProps={saveButtonProps}>
      <LeadForm
        formProps={{
          ...formProps,
          initialValues: { source: 'manual', lead_score: 'B', status: 'new', notes: [] },
        }}
      />
    </Create>
  )
}
