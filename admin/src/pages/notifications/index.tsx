import type { components } from '#client/api_types'
import { useCustom, useCustomMutation, useGo } from '@refinedev/core'
import { DateField, List as ListPage, useTable } from '@refinedev/antd'
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useEffect } from 'react'
import { QueryError, tableEmptyText } from '../../components/states'
import type { NotificationRow } from '../../shell/notification_list'

type Preferences = components['schemas']['NotificationPreferences']
type KindPreference = Preferences['kinds'][number]

const DIGESTS = [
  { value: 0, label: 'At once' },
  { value: 15, label: 'Every 15 min' },
  { value: 60, label: 'Every hour' },
  { value: 240, label: 'Every 4 hours' },
  { value: 1440, label: 'Daily' },
]

function PreferencesCard() {
  const { result, query } = useCustom<Preferences>({
    url: '/api/notifications/preferences',
    method: 'get',
    errorNotification: false,
  })
  const prefs = result?.data && 'kinds' in result.data ? result.data : null
  const [form] = Form.useForm<{ slack_webhook_url: string; kinds: KindPreference[] }>()
  const { mutate, mutation } = useCustomMutation<Preferences>()
  useEffect(() => {
    if (prefs)
      form.setFieldsValue({ slack_webhook_url: prefs.slack_webhook_url ?? '', kinds: prefs.kinds })
  }, [prefs, form])

  const save = (values: { slack_webhook_url: string; kinds: KindPreference[] }) =>
    mutate(
      {
        url: '/api/notifications/preferences',
        method: 'put',
        values: {
          slack_webhook_url: values.slack_webhook_url?.trim() || null,
          kinds: values.kinds.map(({ kind, in_app, email, slack, digest_minutes }) => ({
            kind,
            in_app,
            email,
            slack,
            digest_minutes,
          })),
        },
        successNotification: () => ({ type: 'success', message: 'Preferences saved' }),
        errorNotification: (error) => ({
          type: 'error',
          message: 'Not saved',
          description: error?.message,
        }),
      },
      { onSuccess: () => void query.refetch() }
    )

  if (query.isError) {
    return (
      <QueryError
        title="Your preferences could not be loaded"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    )
  }
  return (
    <Card title="What you receive" size="small" loading={query.isLoading}>
      {prefs && (
        <Form form={form} layout="vertical" onFinish={save}>
          {!prefs.email_available && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="E-mail is off on this server"
              description="The operator turns it on with SMTP_HOST (docs/NOTIFICATIONS.md)."
            />
          )}
          {prefs.kinds.length === 0 && (
            <Typography.Paragraph type="secondary">
              Your role is not asked to act on anything.
            </Typography.Paragraph>
          )}
          <Form.List name="kinds">
            {(fields) =>
              fields.map((field) => {
                const kind = prefs.kinds[field.name]
                return (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    data-testid={`kind-${kind.kind}`}
                  >
                    <Typography.Text strong>{kind.label}</Typography.Text>
                    {kind.description && (
                      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                        {kind.description}
                      </Typography.Paragraph>
                    )}
                    <Space wrap style={{ marginTop: 8 }}>
                      <Form.Item name={[field.name, 'in_app']} valuePropName="checked" noStyle>
                        <Switch checkedChildren="Bell" unCheckedChildren="Bell" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'email']} valuePropName="checked" noStyle>
                        <Switch
                          checkedChildren="E-mail"
                          unCheckedChildren="E-mail"
                          disabled={!prefs.email_available}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'slack']} valuePropName="checked" noStyle>
                        <Switch checkedChildren="Slack" unCheckedChildren="Slack" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'digest_minutes']} noStyle>
                        <Select
                          options={DIGESTS}
                          style={{ width: 150 }}
                          aria-label={`${kind.label}: how often`}
                        />
                      </Form.Item>
                    </Space>
                  </Card>
                )
              })
            }
          </Form.List>
          <Form.Item
            label="Slack incoming webhook"
            name="slack_webhook_url"
            extra={`E-mail goes to ${prefs.email}. Slack messages go to this URL (a Slack or compatible incoming webhook).`}
            rules={[{ type: 'url', message: 'This is not a URL' }]}
          >
            <Input placeholder="https://hooks.slack.com/services/..." autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            Save
          </Button>
        </Form>
      )}
    </Card>
  )
}

export default function Notifications() {
  const go = useGo()
  const { tableProps, tableQuery } = useTable<NotificationRow>({
    resource: 'notifications',
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    liveMode: 'off',
  })
  const { mutate } = useCustomMutation()
  const open = (row: NotificationRow) => {
    if (!row.read_at) {
      mutate(
        {
          url: `/api/notifications/${row.id}/read`,
          method: 'post',
          values: {},
          successNotification: false,
        },
        { onSuccess: () => void tableQuery.refetch() }
      )
    }
    if (row.link) go({ to: row.link })
  }
  return (
    <ListPage title="Notifications" canCreate={false}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {tableQuery.isError && (
          <QueryError
            title="Your notifications could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        <Table<NotificationRow>
          {...tableProps}
          rowKey="id"
          scroll={{ x: true }}
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: false,
              noun: 'notifications',
            }),
          }}
          onRow={(row) => ({
            onClick: () => open(row),
            style: { cursor: row.link ? 'pointer' : 'default' },
          })}
        >
          <Table.Column<NotificationRow>
            dataIndex="title"
            title="What"
            render={(title: string, row) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong={!row.read_at}>{title}</Typography.Text>
                {row.body && <Typography.Text type="secondary">{row.body}</Typography.Text>}
              </Space>
            )}
          />
          <Table.Column<NotificationRow>
            dataIndex="kind"
            responsive={['md']}
            title="Kind"
            render={(kind: string) => <Tag>{kind}</Tag>}
          />
          <Table.Column<NotificationRow>
            dataIndex="created_at"
            title="When"
            render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm" />}
          />
          <Table.Column<NotificationRow>
            dataIndex="read_at"
            responsive={['sm']}
            title=""
            render={(value: string | null) =>
              value ? <Tag>read</Tag> : <Tag color="blue">new</Tag>
            }
          />
        </Table>
        <PreferencesCard />
      </Space>
    </ListPage>
  )
}
