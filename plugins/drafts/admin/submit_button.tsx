import { useCan, useCustomMutation, useInvalidate } from '@refinedev/core'
import { Button } from 'antd'
import { SendOutlined } from '@ant-design/icons'
import { API_URL } from '@admin/providers/http'
import { DraftStatus, type DraftRecord } from './shared'

/** Sends a draft (status draft) to the approval queue; hidden without drafts.write. */
export function SubmitButton({ draft }: { draft: DraftRecord }) {
  const { data: access } = useCan({ resource: 'drafts', action: 'submit' })
  const { mutate, mutation } = useCustomMutation<DraftRecord>()
  const invalidate = useInvalidate()
  if (!access?.can || draft.status !== DraftStatus.Draft) return null

  return (
    <Button
      type="primary"
      icon={<SendOutlined />}
      loading={mutation.isPending}
      onClick={() =>
        mutate(
          {
            url: `${API_URL}/drafts/${draft.id}/submit`,
            method: 'post',
            values: {},
            successNotification: () => ({ type: 'success', message: 'Sent for approval' }),
            errorNotification: (error) => ({
              type: 'error',
              message: 'The draft could not be submitted',
              description: error?.message,
            }),
          },
          {
            onSuccess: () =>
              invalidate({ resource: 'drafts', invalidates: ['list', 'detail'], id: draft.id }),
          }
        )
      }
    >
      Submit for approval
    </Button>
  )
}
