import { useGetIdentity } from '@refinedev/core'
import { useThemedLayoutContext } from '@refinedev/antd'
import { useState } from 'react'
import { Button, Dropdown, Grid, Layout, Space, Tag, theme } from 'antd'
import { KeyOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons'
import './shell.css'
import type { Me } from '../providers/auth'
import { RealtimeBadge } from './realtime_badge'
import { GlobalPauseSwitch } from './global_pause'
import { ChangePasswordModal } from './change_password'
import { NotificationBell } from './notification_bell'

/** The top bar: live status and who is signed in (and as what). */
export function Header() {
  const { token } = theme.useToken()
  const { data: me } = useGetIdentity<Me>()
  const { setMobileSiderOpen } = useThemedLayoutContext()
  const breakpoint = Grid.useBreakpoint()
  // On a phone the bar keeps the essentials (pause state, live, role) on one line.
  const wide = breakpoint.md !== false
  // Where the sider turns into a drawer (Refine: below lg), the bar opens it.
  const drawerMenu = breakpoint.lg === false
  const [changingPassword, setChangingPassword] = useState(false)

  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: drawerMenu ? 'space-between' : 'flex-end',
        alignItems: 'center',
        padding: wide ? '0 24px' : '0 12px',
        overflow: 'hidden',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {drawerMenu && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label="Open the menu"
          data-testid="menu-button"
          onClick={() => setMobileSiderOpen(true)}
        />
      )}
      <Space size={wide ? 'large' : 'small'}>
        {me && <GlobalPauseSwitch compact={!wide} />}
        <RealtimeBadge />
        {me && <NotificationBell userId={me.id} />}
        {me && (
          <Space size="small">
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'password', icon: <KeyOutlined />, label: 'Change password' }],
                onClick: () => setChangingPassword(true),
              }}
            >
              <Button
                type="text"
                icon={<UserOutlined />}
                aria-label={`Account of ${me.email}`}
                data-testid="account-menu"
              >
                {wide && <strong>{me.email}</strong>}
              </Button>
            </Dropdown>
            <Tag color="blue" data-testid="current-role">
              {me.role}
            </Tag>
          </Space>
        )}
      </Space>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout.Header>
  )
}
