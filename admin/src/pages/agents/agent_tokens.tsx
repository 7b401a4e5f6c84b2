import { useState } from 'react'
import { useCan, useCustom, useCustomMutation } from '@refinedev/core'
import { Alert, Button, Card, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd'
import { KeyOutlined } from '@ant-design/icons'
import { API_URL } from '../../providers/http'
import { TimeAgo } from '../../components/time_ago'
import { QueryError } from '../../components/states'
import type { components } from '#client/api_types'

/** A token as listed, or as minted (with its secret, shown once). */
type AgentToken = components['schemas']['Token'] & { token?: string }

/** An agent's API tokens (admin): mint one (shown once), revoke at once. */
export function AgentTokens({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { data: access } = useCan({ resource: 'agents', action: 'tokens' })
  const allowed = Boolean(access?.can)
  const url = `${API_URL}/agents/${agentId}/tokens`
  const { result, query } = useCustom<AgentToken[]>({
    url,
    method: 'get',
    queryOptions: { enabled: allowed },
    errorNotification: false,
  })
  const { mutate, mutation } = useCustomMutation<AgentToken>()
  const [name, setName] = useState('')
  const [minted, setMinted] = useState<string | null>(null)

  if (!allowed) return null

  const mint = () =>
    mutate(
      {
        url,
        method: 'post',
        values: name.trim() ? { name: name.trim() } : {},
        successNotification: false,
        errorNotification: (error) => ({
          type: 'error',
          message: 'The token could not be created',
          description: error?.message,
        }),
      },
      {
        onSuccess: ({ data }) => {
          setMinted(data.token ?? null)
          setName('')
          void query.refetch()
        },
      }
    )

  const revoke = (id: number) =>
    mutate(
      {
        url: `${url}/${id}`,
        method: 'delete',
        values: {},
        successNotification: () => ({ type: 'success', message: 'Token revoked' }),
      },
      { onSuccess: () => void query.refetch() }
    )

  return (
    <Card title="API tokens" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            placeholder="Token name (optional)"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
          />
          <Button icon={<KeyOutlined />} onClick={mint} loading={mutation.isPending}>
            New token
          </Button>
        </Space.Compact>
        {query.isError ? (
          <QueryError title="The tokens could not be loaded" error={query.error} />
        ) : (
          <Table<AgentToken>
            size="small"
            rowKey="id"
            loading={query.isLoading}
            dataSource={Array.isArray(result.data) ? result.data : []}
            pagination={false}
            locale={{ emptyText: 'No tokens: this agent cannot call the API yet' }}
            columns={[
              { title: 'Name', dataIndex: 'name', render: (value) => value ?? '—' },
              {
                title: 'Last used',
                dataIndex: 'last_used_at',
                render: (value: string | null) => <TimeAgo value={value} />,
              },
              {
                title: 'Expires',
                dataIndex: 'expires_at',
                render: (value: string | null) => <TimeAgo value={value} empty="never" />,
              },
              {
                title: '',
                key: 'revoke',
                render: (_, token) => (
                  <Popconfirm
                    title="Revoke this token?"
                    description={`${agentName} is refused at once with it.`}
                    okText="Revoke"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(token.id)}
                  >
                    <Button size="small" danger>
                      Revoke
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Space>
      <Modal
        open={minted !== null}
        title={`Token for ${agentName}`}
        onCancel={() => setMinted(null)}
        onOk={() => setMinted(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert
          type="warning"
          showIcon
          message="Copy it now: it is shown this once."
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {minted}
        </Typography.Paragraph>
      </Modal>
    </Card>
  )
}
