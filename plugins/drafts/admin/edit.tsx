import { useEffect, useState } from 'react'
import { useNavigation, useOne, useParsed, useCustomMutation, useInvalidate } from '@refinedev/core'
import type { HttpError } from '@refinedev/core'
import { Edit } from '@refinedev/antd'
import { Alert, Button, Form, Input, Space } from 'antd'
import { Loading, QueryError } from '@admin/components/states'
import { API_URL } from '@admin/providers/http'
import { DraftStatus, type DraftRecord, type DraftVersion } from './shared'

interface NewVersion {
  content: string
  change_note?: string
}

/**
 * A draft is never edited in place: saving adds a version on top of the
 * one shown. When someone else saved first, the server answers 409 and the
 * text typed here is kept while the newer version is loaded.
 */
export default function DraftNewVersion() {
  const { id } = useParsed()
  const { result: draft, query } = useOne<DraftRecord>({
    resource: 'drafts',
    id,
    liveMode: 'manual',
  })
  const [form] = Form.useForm<NewVersion>()
  const [conflict, setConflict] = useState<string | null>(null)
  const [submitAfter, setSubmitAfter] = useState(false)
  const { mutateAsync, mutation } = useCustomMutation<DraftVersion>()
  const invalidate = useInvalidate()
  const { show } = useNavigation()

  useEffect(() => {
    if (draft && !form.isFieldsTouched()) form.setFieldsValue({ content: draft.content ?? '' })
  }, [draft, form])

  const save = async (values: NewVersion, submit: boolean) => {
    if (!draft) return
    setConflict(null)
    setSubmitAfter(submit)
    try {
      await mutateAsync({
        url: `${API_URL}/drafts/${draft.id}/versions`,
        method: 'post',
        values: {
          content: values.content,
          change_note: values.change_note?.trim() || undefined,
          base_version: draft.current_version,
        },
        successNotification: () => ({
          type: 'success',
          message: `Version ${draft.current_version + 1} saved`,
        }),
        errorNotification: false,
      })
      if (submit) {
        await mutateAsync({
          url: `${API_URL}/drafts/${draft.id}/submit`,
          method: 'post',
          values: {},
          successNotification: () => ({ type: 'success', message: 'Sent for approval' }),
        })
      }
      await invalidate({ resource: 'drafts', invalidates: ['list', 'detail'], id: draft.id })
      show('drafts', draft.id)
    } catch (error) {
      const failure = error as HttpError
      if (failure.statusCode === 409) {
        setConflict(failure.message)
        void query.refetch()
      } else if (failure.statusCode === 422 && failure.errors) {
        form.setFields(
          Object.entries(failure.errors).map(([name, errors]) => ({
            name: name as keyof NewVersion,
            errors: Array.isArray(errors) ? (errors as string[]) : [String(errors)],
          }))
        )
      } else {
        setConflict(failure.message ?? 'The version could not be saved')
      }
    }
  }

  const locked = draft?.status === DraftStatus.Approved
  const saving = mutation.isPending

  return (
    <Edit
      isLoading={query.isLoading}
      title={draft ? `New version of ${draft.draft_type}` : 'New version'}
      footerButtons={() =>
        draft && !locked ? (
          <Space>
            {draft.status === DraftStatus.Draft && (
              <Button
                loading={saving && submitAfter}
                disabled={saving}
                onClick={() => form.validateFields().then((values) => save(values, true))}
              >
                Save and submit for approval
              </Button>
            )}
            <Button
              type="primary"
              loading={saving && !submitAfter}
              disabled={saving}
              onClick={() => form.validateFields().then((values) => save(values, false))}
            >
              Save version {draft.current_version + 1}
            </Button>
          </Space>
        ) : null
      }
    >
      {query.isError ? (
        <QueryError
          title="This draft could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : !draft ? (
        <Loading minHeight={120} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {locked && (
            <Alert
              type="info"
              showIcon
              message="This draft is approved: it takes no new versions."
            />
          )}
          {conflict && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              message="Not saved"
              description={
                <>
                  {conflict}
                  <br />
                  Your text is kept below. The draft is now at version {draft.current_version}:
                  review it, then save again.
                </>
              }
            />
          )}
          <Form<NewVersion> form={form} layout="vertical" disabled={locked}>
            <Form.Item
              label={`Content (based on v${draft.current_version})`}
              name="content"
              rules={[
                { required: true, whitespace: true, message: 'The content cannot be empty' },
                { max: 100_000 },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 10, maxRows: 30 }} />
            </Form.Item>
            <Form.Item label="Change note" name="change_note" rules={[{ max: 5000 }]}>
              <Input placeholder="What changed, and why" />
            </Form.Item>
          </Form>
        </Space>
      )}
    </Edit>
  )
}
