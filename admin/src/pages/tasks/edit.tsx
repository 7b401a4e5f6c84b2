import type { HttpError } from '@refinedev/core'
import { Edit, useForm } from '@refinedev/antd'
import { QueryError } from '../../components/states'
import { TaskForm } from './task_form'
import type { TaskRecord } from '../../lib/tasks'
import { formErrorNotification } from '../../lib/notifications'

export default function TaskEdit() {
  const { formProps, saveButtonProps, query } = useForm<TaskRecord, HttpError>({
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  return (
    <Edit saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      {query?.isError ? (
        <QueryError
          title="This task could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : (
        <TaskForm formProps={formProps} current={query?.data?.data} />
      )}
    </Edit>
  )
}
