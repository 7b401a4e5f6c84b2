import { useGetIdentity } from '@refinedev/core'
import { useThemedLayoutContext } from '@refinedev/antd'
import { lazy, useCallback, useEffect, useState } from 'react'
import { Button, Dropdown, Grid, Layout, Modal, Space, Tag, theme } from 'antd'
import { KeyOutlined, MenuOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons'
import './shell.css'
import type { Me } from '../providers/auth'
import { RealtimeBadge } from './realtime_badge'
import { GlobalPauseSwitch } from './global_pause'
import { NotificationBell } from './notification_bell'
import { ThemeSwitch } from './theme_switch'
import { LazyPart } from './part_boundary'

const CommandPalette = lazy(() => import('./command_palette'))
// its form's code comes when it is first opened
const ChangePasswordModal = lazy(() => import('./change_password'))

/** A dialog whose code could not be loaded (a new version deployed since the page was opened, no network). */
function NotLoaded({ what, open, onClose }: { what: string; open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open}
      title={`${what} could not be loaded`}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      }
    >
      A new version may have been deployed since this page was opened, or the network dropped.
    </Modal>
  )
}

/** Ctrl+K (Cmd+K on a Mac) anywhere opens the command palette. */
function usePaletteShortcut(open: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        open()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
}

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
  // the dialog is drawn from its first opening on (then closes with its animation)
  const [changingPassword, setChangingPassword] = useState<'never' | 'open' | 'closed'>('never')
  // the palette's code loads the first time it is opened
  const [palette, setPalette] = useState<'never' | 'open' | 'closed'>('never')
  const openPalette = useCallback(() => setPalette('open'), [])
  usePaletteShortcut(openPalette)

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
        {me && (
          <Button
            type="text"
            icon={<SearchOutlined />}
            aria-label="Search (Ctrl+K)"
            title="Go to a page or find a record (Ctrl+K)"
            data-testid="palette-button"
            onClick={openPalette}
          />
        )}
        {me && <GlobalPauseSwitch compact={!wide} />}
        <RealtimeBadge compact={!wide} />
        {me && <ThemeSwitch userId={me.id} />}
        {me && <NotificationBell userId={me.id} />}
        {me && (
          <Space size="small">
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'password', icon: <KeyOutlined />, label: 'Change password' }],
                onClick: () => setChangingPassword('open'),
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
      {changingPassword !== 'never' && (
        <LazyPart
          failed={
            <NotLoaded
              what="Change password"
              open={changingPassword === 'open'}
              onClose={() => setChangingPassword('closed')}
            />
          }
        >
          <ChangePasswordModal
            open={changingPassword === 'open'}
            onClose={() => setChangingPassword('closed')}
          />
        </LazyPart>
      )}
      {palette !== 'never' && (
        <LazyPart
          failed={
            <NotLoaded
              what="Search"
              open={palette === 'open'}
              onClose={() => setPalette('closed')}
            />
          }
        >
          <CommandPalette open={palette === 'open'} onClose={() => setPalette('closed')} />
        </LazyPart>
      )}
    </Layout.Header>
  )
}
