import type { ReactNode } from 'react'
import { Button, Flex, Typography, theme } from 'antd'
import { CloseCircleFilled, CompassOutlined, StopOutlined } from '@ant-design/icons'
import { useNavigate } from 'react-router'

/*
| A whole screen's answer instead of the screen: not allowed, not found, it
| failed. Laid out as antd's Result, with an icon where Result draws its
| 403/404/500 pictures: Result's module carries all three (34 kB, 8 kB
| compressed), and these answers are in the code every page loads first.
| Pages that are loaded on their own (the import wizard, a saved view) still
| use Result.
*/

const ICONS = {
  'forbidden': StopOutlined,
  'not-found': CompassOutlined,
  'error': CloseCircleFilled,
} as const

export function ResultPage({
  kind,
  title,
  subTitle,
  extra,
}: {
  kind: keyof typeof ICONS
  title: ReactNode
  subTitle?: ReactNode
  extra?: ReactNode
}) {
  const { token } = theme.useToken()
  const Icon = ICONS[kind]
  const color = kind === 'error' ? token.colorError : token.colorTextQuaternary
  return (
    <Flex
      vertical
      align="center"
      gap={8}
      style={{ padding: '48px 32px', textAlign: 'center' }}
      data-testid={`result-${kind}`}
    >
      <Icon style={{ fontSize: 64, color, marginBottom: 16 }} aria-hidden />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      {extra && <div style={{ marginTop: 16 }}>{extra}</div>}
    </Flex>
  )
}

/** The way back from a screen that is not there, or not for this person. */
function HomeButton() {
  const navigate = useNavigate()
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      Back to Home
    </Button>
  )
}

/** An address the app has no screen for. */
export function NotFound() {
  return (
    <ResultPage
      kind="not-found"
      title="Page not found"
      subTitle="There is no page at this address. It may have moved, or the link is wrong."
      extra={<HomeButton />}
    />
  )
}

/** A screen this person's role does not open (the server refuses its data too). */
export function Forbidden() {
  return (
    <ResultPage
      kind="forbidden"
      title="Not allowed"
      subTitle="Your role does not give access to this page."
      extra={<HomeButton />}
    />
  )
}
