import { useEffect } from 'react'
import { Button } from 'antd'
import { MoonOutlined, SunOutlined } from '@ant-design/icons'
import { fetchThemeChoice, useThemeMode } from '../lib/theme'

/** The header's light/dark toggle (a moon in light mode, a sun in dark); on sign-in it takes the person's saved choice. */
export function ThemeSwitch({ userId }: { userId: string }) {
  const { mode, choose, adopt } = useThemeMode()

  useEffect(() => {
    let cancelled = false
    void fetchThemeChoice().then((saved) => {
      if (!cancelled && saved) adopt(saved)
    })
    return () => {
      cancelled = true
    }
  }, [userId, adopt])

  const dark = mode === 'dark'
  return (
    <Button
      type="text"
      icon={dark ? <SunOutlined /> : <MoonOutlined />}
      onClick={() => choose(dark ? 'light' : 'dark')}
      aria-pressed={dark}
      aria-label="Dark mode"
      data-testid="theme-switch"
      title={dark ? 'Switch to light mode' : 'Switch to dark mode'}
    />
  )
}
