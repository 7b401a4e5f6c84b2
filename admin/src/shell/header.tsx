import { useGetIdentity } from '@refinedev/core'
import { Layout, Space, Tag, Typography, theme } from 'antd'
import type { Me } from '../providers/auth'
import { RealtimeBadge } from './realtime_badge'

/** The top bar: live status and who is signed in (and as what). */
export function Header() {
  const { token } = theme.useToken()
  const { data: me } = useGetIdentity<Me>()

  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        padding: '0 24px',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Space size="large">
        <RealtimeBadge />
        {me && (
          <Space size="small">
            <Typography.Text strong>{me.email}</Typography.Text>
            <Tag color="blue" data-testid="current-role">
              {me.role}
            </Tag>
          </Space>
        )}
      </Space>
    </Layout.Header>
  )
}
