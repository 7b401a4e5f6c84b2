import { useState } from 'react'
import type { HttpError } from '@refinedev/core'
import { useCreate } from '@refinedev/core'
import { DeleteButton, List, useTable } from '@refinedev/antd'
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd'
import { PlusOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons'
import { QueryError, tableEmptyText } from '@admin/components/states'
import { TimeAgo } from '@admin/components/time_ago'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  choice,
  search,
  type ListFilter,
} from '@admin/components/list_filters'
import { API_URL, http, toHttpError } from '@admin/providers/http'
import type { components } from '#client/api_types'

type Suppression = components['schemas']['Suppression']
type BulkResult = components['schemas']['SuppressionBulkResult']

/* What one request takes (the server's MAX_SUPPRESSIONS_PER_REQUEST); a longer list goes in parts. */
const PER_REQUEST = 10_000

const FILTERS: ListFilter[] = [
  search('Search addresses, domains, reasons', 280),
  choice(
    'kind',
    'Kind',
    [
      { value: 'email', label: 'e-mail address' },
      { value: 'domain', label: 'domain' },
    ],
    { width: 160 }
  ),
]

/**
 * The values of a pasted or uploaded list: one per line, or separated by
 * commas, semicolons, spaces or tabs; quotes around a cell are dropped.
 */
export function splitList(text: string) {
  return text
    .replace(/^\uFEFF/, '')
    .split(/[\s,;]+/)
    .map((value) => value.replace(/^["']+|["']+$/g, '').trim())
    .filter((value) => value !== '')
}

function AddOne({ onAdded }: { onAdded: () => void }) {
  const [form] = Form.useForm<{ value: string; reason?: string }>()
  const { mutateAsync, mutation } = useCreate<Suppression>()
  const { message } = App.useApp()
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={async (values) => {
        try {
          const { data } = await mutateAsync({
            resource: 'suppressions',
            values,
            successNotification: false,
            errorNotification: false,
          })
          message.success(`${data.value} is on the do-not-contact list`)
          form.resetFields()
          onAdded()
        } catch (error) {
          const problem = error as HttpError
          form.setFields([{ name: 'value', errors: [problem.message] }])
        }
      }}
    >
      <Form.Item
        name="value"
        rules={[{ required: true, message: 'An e-mail address or a domain' }]}
        style={{ minWidth: 280 }}
      >
        <Input placeholder="jo@acme.com or acme.com" data-testid="suppression-value" />
      </Form.Item>
      <Form.Item name="reason" style={{ minWidth: 240 }}>
        <Input placeholder="Reason (optional)" maxLength={500} />
      </Form.Item>
      <Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={mutation.isPending}
          data-testid="suppression-add"
        >
          Add
        </Button>
      </Form.Item>
    </Form>
  )
}

/** Paste a list, or read one from a file, and add every value at once. */
function AddMany({
  open,
  onClose,
  onAdded,
}: {
  open: boolean
  onClose: () => void
  onAdded: () => void
}) {
  const [text, setText] = useState('')
  const [reason, setReason] = useState('')
  const [sending, setSending] = useState(false)
  const [outcome, setOutcome] = useState<BulkResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const values = splitList(text)

  async function send() {
    setSending(true)
    setError(null)
    try {
      const merged: BulkResult = {
        batch_id: null,
        totals: { received: 0, created: 0, existing: 0, refused: 0 },
        results: [],
      }
      for (let start = 0; start < values.length; start += PER_REQUEST) {
        const part = values.slice(start, start + PER_REQUEST)
        const { data } = await http.post<BulkResult>(`${API_URL}/suppressions/bulk`, {
          values: part,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        })
        for (const key of ['received', 'created', 'existing', 'refused'] as const) {
          merged.totals[key] += data.totals[key]
        }
        merged.results.push(...data.results.map((r) => ({ ...r, index: r.index + start })))
      }
      setOutcome(merged)
      onAdded()
    } catch (problem) {
      setError(toHttpError(problem).message)
    } finally {
      setSending(false)
    }
  }

  function close() {
    setText('')
    setReason('')
    setOutcome(null)
    setError(null)
    onClose()
  }

  const refused = outcome?.results.filter((r) => r.status === 'refused') ?? []
  return (
    <Modal
      open={open}
      title="Add a list to the do-not-contact list"
      onCancel={close}
      width={640}
      footer={
        outcome ? (
          <Button type="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>Cancel</Button>
            <Button
              type="primary"
              loading={sending}
              disabled={values.length === 0}
              onClick={send}
              data-testid="suppression-bulk-send"
            >
              Add {values.length || ''} {values.length === 1 ? 'entry' : 'entries'}
            </Button>
          </Space>
        )
      }
    >
      {outcome ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type={refused.length ? 'warning' : 'success'}
            showIcon
            message={`${outcome.totals.created} added, ${outcome.totals.existing} already on the list, ${outcome.totals.refused} refused`}
          />
          {refused.length > 0 && (
            <Table
              size="small"
              rowKey="index"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={refused}
              columns={[
                { title: 'Value', render: (_, r) => values[r.index] },
                { title: 'Why', render: (_, r) => r.errors?.map((e) => e.message).join('; ') },
              ]}
            />
          )}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            E-mail addresses and domains, one per line (or separated by commas or spaces). A domain
            covers every address at it and every website on it, its subdomains included.
          </Typography.Paragraph>
          <Input.TextArea
            rows={8}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={'jo@acme.com\nacme.com\nhttps://www.example.org'}
            data-testid="suppression-bulk-text"
          />
          <Space wrap>
            <Upload
              accept=".txt,.csv,text/plain,text/csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void file
                  .text()
                  .then((content) => setText((now) => (now ? `${now}\n` : '') + content))
                return false
              }}
            >
              <Button icon={<UploadOutlined />}>Read a file (.txt, .csv)</Button>
            </Upload>
            <Typography.Text type="secondary">{values.length} values</Typography.Text>
          </Space>
          <Input
            placeholder="Reason for all of them (optional)"
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
          />
          {error && <Alert type="error" showIcon message={error} />}
        </Space>
      )}
    </Modal>
  )
}

/**
 * The suppression (do-not-contact) list: admins add addresses and domains
 * one by one or a pasted list at once, and remove them. Leads it covers
 * cannot be created, are flagged, are left out of exports and their drafts
 * cannot be approved.
 */
export default function SuppressionList() {
  const [pasting, setPasting] = useState(false)
  const { tableProps, filters, searchFormProps, tableQuery } = useTable<
    Suppression,
    HttpError,
    Record<string, unknown>
  >({
    resource: 'suppressions',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    onSearch: (values) => toFilters(FILTERS, values),
  })
  const refresh = () => void tableQuery.refetch()

  return (
    <List
      title="Suppression list"
      headerButtons={
        <Button
          icon={<UnorderedListOutlined />}
          onClick={() => setPasting(true)}
          data-testid="suppression-bulk-open"
        >
          Paste or upload a list
        </Button>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Nobody on this list is contacted: a lead with one of these addresses, or with an address
          or website at one of these domains, cannot be created or imported, is flagged
          &ldquo;suppressed&rdquo; in the leads, is left out of CSV exports unless asked for, and
          its drafts cannot be approved.
        </Typography.Paragraph>
        <AddOne onAdded={refresh} />
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The suppression list could not be loaded"
            error={tableQuery.error}
            onRetry={refresh}
          />
        )}
        <Table<Suppression>
          {...tableProps}
          rowKey="id"
          scroll={{ x: true }}
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'entries',
            }),
          }}
          pagination={{
            ...tableProps.pagination,
            showSizeChanger: true,
            showTotal: (count) => `${count} entries`,
          }}
        >
          <Table.Column<Suppression>
            dataIndex="value"
            title="Address or domain"
            sorter
            render={(value: string) => <Typography.Text code>{value}</Typography.Text>}
          />
          <Table.Column<Suppression>
            dataIndex="kind"
            title="Kind"
            render={(kind: Suppression['kind']) =>
              kind === 'email' ? (
                <Tag color="purple">e-mail address</Tag>
              ) : (
                <Tag color="blue">domain</Tag>
              )
            }
          />
          <Table.Column<Suppression>
            dataIndex="reason"
            title="Reason"
            render={(reason: string | null) => reason ?? '—'}
          />
          <Table.Column<Suppression>
            dataIndex="created_at"
            title="Added"
            sorter
            render={(value: string) => <TimeAgo value={value} />}
          />
          <Table.Column<Suppression>
            title="Actions"
            key="actions"
            render={(_, entry) => (
              <DeleteButton
                hideText
                size="small"
                resource="suppressions"
                recordItemId={entry.id}
                confirmTitle={`Remove ${entry.value} from the do-not-contact list? The leads it covers can be contacted again.`}
                confirmOkText="Remove"
                successNotification={{ type: 'success', message: `${entry.value} removed` }}
                onSuccess={refresh}
                data-testid="suppression-remove"
              />
            )}
          />
        </Table>
      </Space>
      <AddMany open={pasting} onClose={() => setPasting(false)} onAdded={refresh} />
    </List>
  )
}
