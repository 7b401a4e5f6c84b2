import { useCustomMutation, useShow, type HttpError } from '@refinedev/core'
import { DateField, EditButton, Show, useTable } from '@refinedev/antd'
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { QueryError, tableEmptyText } from '../../components/states'
import { DELIVERY_COLORS, type DeliveryRecord, type WebhookRecord } from './shared'

function Deliveries({ webhookId, sent }: { webhookId: string; sent: number }) {
  const { tableProps, tableQuery } = useTable<DeliveryRecord, HttpError>({
    resource: `webhooks/${webhookId}/deliveries`,
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'id', order: 'desc' }] },
    // pending deliveries change on their own: follow them while there are some
    queryOptions: {
      refetchInterval: (query) =>
        (query.state.data?.data as DeliveryRecord[] | undefined)?.some(
          (row) => row.status === 'pending'
        )
          ? 2000
          : false,
    },
  })
  // a test was just queued from the header: show it
  useEffect(() => {
    if (sent > 0) void tableQuery.refetch()
  }, [sent]) // eslint-disable-line react-hooks/exhaustive-deps
  const { mutate, mutation } = useCustomMutation<DeliveryRecord>()
  const redeliver = (id: number) =>
    mutate(
      {
        url: `/api/webhooks/${webhookId}/deliveries/${id}/redeliver`,
        method: 'post',
        values: {},
        successNotification: () => ({ type: 'success', message: `Delivery ${id} queued again` }),
        errorNotification: (error) => ({
          type: 'error',
          message: 'Not redelivered',
          description: error?.message,
        }),
      },
      { onSuccess: () => void tableQuery.refetch() }
    )
  return (
    <Card title="Deliveries" size="small">
      {tableQuery.isError && (
        <QueryError
          title="The deliveries could not be loaded"
          error={tableQuery.error}
          onRetry={() => tableQuery.refetch()}
        />
      )}
      <Table<DeliveryRecord>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{
          emptyText: tableEmptyText({
            isError: tableQuery.isError,
            filtered: false,
            noun: 'deliveries',
          }),
        }}
        expandable={{
          rowExpandable: (row) => Boolean(row.last_response || row.last_error),
          expandedRowRender: (row) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {row.last_error && <Typography.Text type="danger">{row.last_error}</Typography.Text>}
              {row.last_response && (
                <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {row.last_response}
                </Typography.Paragraph>
              )}
            </Space>
          ),
        }}
      >
        <Table.Column<DeliveryRecord>
          dataIndex="id"
          title="Id"
          render={(id: number) => `msg_${id}`}
        />
        <Table.Column<DeliveryRecord>
          dataIndex="event_type"
          title="Event"
          render={(type: string) => <Tag>{type}</Tag>}
        />
        <Table.Column<DeliveryRecord>
          dataIndex="status"
          title="Status"
          render={(status: DeliveryRecord['status']) => (
            <Tag color={DELIVERY_COLORS[status]} data-testid="delivery-status">
              {status}
            </Tag>
          )}
        />
        <Table.Column<DeliveryRecord> dataIndex="attempts" title="Attempts" />
        <Table.Column<DeliveryRecord>
          dataIndex="last_status"
          title="Answer"
          render={(status: number | null, row) =>
            status === null
              ? row.last_error
                ? '—'
                : ''
              : `${status}${row.last_duration_ms !== null ? ` in ${row.last_duration_ms} ms` : ''}`
          }
        />
        <Table.Column<DeliveryRecord>
          dataIndex="created_at"
          title="Queued"
          render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm:ss" />}
        />
        <Table.Column<DeliveryRecord>
          title="Next try"
          key="next"
          render={(_, row) =>
            row.status === 'pending' ? (
              <DateField value={row.next_attempt_at} format="HH:mm:ss" />
            ) : (
              ''
            )
          }
        />
        <Table.Column<DeliveryRecord>
          title=""
          key="actions"
          render={(_, row) =>
            row.status === 'pending' ? null : (
              <Popconfirm
                title="Send this delivery again?"
                okText="Redeliver"
                onConfirm={() => redeliver(row.id)}
              >
                <Button size="small" loading={mutation.isPending}>
                  Redeliver
                </Button>
              </Popconfirm>
            )
          }
        />
      </Table>
    </Card>
  )
}

export default function WebhookShow() {
  const { id } = useParams()
  const { query } = useShow<WebhookRecord>({})
  const webhook = query.data?.data
  const { mutate, mutation } = useCustomMutation()
  const [sent, setSent] = useState(0)
  const sendTest = () =>
    mutate(
      {
        url: `/api/webhooks/${id}/test`,
        method: 'post',
        values: {},
        successNotification: () => ({ type: 'success', message: 'Test queued: see Deliveries' }),
        errorNotification: (error) => ({
          type: 'error',
          message: 'No test sent',
          description: error?.message,
        }),
      },
      { onSuccess: () => setSent((count) => count + 1) }
    )
  const rotate = () =>
    mutate(
      {
        url: `/api/webhooks/${id}`,
        method: 'patch',
        values: { rotate_secret: true },
        successNotification: () => ({
          type: 'success',
          message: 'New secret: update your receiver',
        }),
        errorNotification: (error) => ({
          type: 'error',
          message: 'Secret not rotated',
          description: error?.message,
        }),
      },
      { onSuccess: () => void query.refetch() }
    )

  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={() => (
        <Space wrap>
          <Button onClick={sendTest} loading={mutation.isPending} disabled={!webhook}>
            Send test
          </Button>
          <EditButton recordItemId={id} />
        </Space>
      )}
    >
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          message="This webhook could not be loaded"
          description={query.error?.message}
        />
      ) : (
        webhook && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {!webhook.enabled && (
              <Alert
                type="warning"
                showIcon
                message="Disabled: its deliveries wait until it is enabled again"
              />
            )}
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label="URL">
                <Typography.Text code copyable>
                  {webhook.url}
                </Typography.Text>
              </Descriptions.Item>
              {webhook.description && (
                <Descriptions.Item label="Description">{webhook.description}</Descriptions.Item>
              )}
              <Descriptions.Item label="Events">
                {webhook.event_types.map((type) => (
                  <Tag key={type}>{type}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label="Resources">
                {webhook.resource_types.length
                  ? webhook.resource_types.map((type) => <Tag key={type}>{type}</Tag>)
                  : 'all'}
              </Descriptions.Item>
              <Descriptions.Item label="Signing secret">
                <Space wrap>
                  <Typography.Text
                    code
                    copyable={{ text: webhook.secret }}
                    data-testid="webhook-secret"
                  >
                    {`${webhook.secret.slice(0, 10)}…`}
                  </Typography.Text>
                  <Popconfirm
                    title="Replace the secret? The old one stops working at once."
                    okText="Rotate"
                    onConfirm={rotate}
                  >
                    <Button size="small">Rotate</Button>
                  </Popconfirm>
                </Space>
              </Descriptions.Item>
            </Descriptions>
            <Deliveries webhookId={webhook.id} sent={sent} />
          </Space>
        )
      )}
    </Show>
  )
}
