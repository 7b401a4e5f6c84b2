import type { HttpError } from '@refinedev/core'
import { Create, useForm } from '@refinedev/antd'
import { TaskForm } from './task_form'
import type { TaskRecord } from '../../lib/tasks'
import { formErrorNotification } from '../../lib/notifications'

export default function TaskCreate() {
  const { formProps, saveButtonProps } = useForm<TaskRecord, HttpError>({
    redirect: 'show',
    errorNotification: formErrorNotification,
  })
  return (
    <Create saveButtonProps={saveButtonProps}>
      <TaskForm
        formProps={{
          ...formProps,
          initialValues: { column: 'backlog', priority: 'med', owner_type: 'admin' },
        }}
      />
    </Create>
  )
}
