import { useGetIdentity } from '@refinedev/core'
import { Grid, Layout, Space, Tag, Typography, theme } from 'antd'
import type { Me } from '../providers/auth'
import { RealtimeBadge } from './realtime_badge'
import { GlobalPauseSwitch } from './global_pause'

/** The top bar: live status and who is signed in (and as what). */
export function Header() {
  const { token } = theme.useToken()
  const { data: me } = useGetIdentity<Me>()
  // On a phone the bar keeps the essentials (pause state, live, role) on one line.
  const wide = Grid.useBreakpoint().md !== false

  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        padding: wide ? '0 24px' : '0 12px',
        overflow: 'hidden',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Space size={wide ? 'large' : 'small'}>
        {me && <GlobalPauseSwitch compact={!wide} />}
        <RealtimeBadge />
        {me && (
          <Space size="small">
            {wide && <Typography.Text strong>{me.email}</Typography.Text>}
            <Tag color="blue" data-testid="current-role">
              {me.role}
            </Tag>
          </Space>
        )}
      </Space>
    </Layout.Header>
  )
}
