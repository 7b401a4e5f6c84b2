import type { HttpError } from '@refinedev/core'
import { useCan } from '@refinedev/core'
import { Edit, useForm } from '@refinedev/antd'
import { Alert } from 'antd'
import { Loading, QueryError } from '@admin/components/states'
import { LeadForm } from './lead_form'
import type { LeadRecord } from './shared'
import { formErrorNotification } from '@admin/lib/notifications'

export default function LeadEdit() {
  const { formProps, saveButtonProps, query } = useForm<LeadRecord, HttpError>({
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  // Closers hold leads.write_follow_up only: status, next step and notes.
  const { data: everyField, isLoading: accessLoading } = useCan({
    resource: 'leads',
    action: 'edit_all_fields',
  })
  const lead = query?.data?.data
  const followUpOnly = !everyField?.can

  return (
    <Edit
      saveButtonProps={saveButtonProps}
      isLoading={query?.isLoading}
      title={lead ? `Edit ${lead.business_name}` : 'Edit lead'}
    >
      {query?.isError ? (
        <QueryError
          title="This lead could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : accessLoading ? (
        <Loading minHeight={120} />
      ) : (
        <>
          {followUpOnly && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="Your role updates the follow-up: status, next step and notes."
            />
          )}
          <LeadForm formProps={formProps} followUpOnly={followUpOnly} />
        </>
      )}
    </Edit>
  )
}
