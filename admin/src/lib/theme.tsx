import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import { ConfigProvider, theme as antdTheme } from 'antd'
import { RefineThemes } from '@refinedev/antd'
import { Provider as MotionProvider } from 'rc-motion'
import { API_URL, http } from '../providers/http'

/*
| Light or dark, as the person chose (GET/PATCH /api/auth/preferences, so it
| follows them to every device), remembered on this device too (localStorage,
| read by admin/theme.js before the app loads: no white flash). `system`
| follows the device's setting.
|
| A device set to reduce motion gets none: dialogs, menus and popovers appear
| and leave at once, and a pressed button sends no wave. antd's own switch for
| it (the `motion` token) would change the theme's hash, and with it every
| class name, so the styles built for the first paint (scripts/antd_styles.js)
| would match nothing; the motion provider that token sets is set instead.
*/

export type ThemeChoice = 'system' | 'light' | 'dark'
export type Mode = 'light' | 'dark'

const STORAGE_KEY = 'mc.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'
const LESS_MOTION_QUERY = '(prefers-reduced-motion: reduce)'

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

function remember(choice: ThemeChoice) {
  try {
    localStorage.setItem(STORAGE_KEY, choice)
  } catch {
    /* private mode: the server still keeps it */
  }
}

/** Whether the device matches a media query, kept up to date (never, where there is no window: the server's frame). */
function useDeviceMatches(query: string) {
  const [matches, setMatches] = useState(
    () => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches
  )
  useEffect(() => {
    const list = window.matchMedia?.(query)
    if (!list) return
    const changed = () => setMatches(list.matches)
    list.addEventListener('change', changed)
    return () => list.removeEventListener('change', changed)
  }, [query])
  return matches
}

/** What admin/theme.js did before React: the page's own colours follow the mode too. */
function paint(mode: Mode) {
  const root = document.documentElement
  root.dataset.theme = mode
  root.style.colorScheme = mode
  root.style.backgroundColor = mode === 'dark' ? '#000' : '#f5f5f5'
  // the mode the server draws the board's first frame in next time (as admin/theme.js)
  document.cookie = `mc-theme=${mode}; path=/; max-age=31536000; samesite=lax`
}

interface ThemeState {
  mode: Mode
  choice: ThemeChoice
  /** Applies at once, then keeps it (this device and the server). */
  choose: (choice: ThemeChoice) => void
  /** The person's saved choice, from the server after sign-in: applied, not saved again. */
  adopt: (choice: ThemeChoice) => void
}

const ThemeContext = createContext<ThemeState>({
  mode: 'light',
  choice: 'system',
  choose: () => undefined,
  adopt: () => undefined,
})

export const useThemeMode = () => useContext(ThemeContext)

const NO_WAVE = { disabled: true }

/** antd's ConfigProvider with the mode's algorithm, around the whole app. */
export function ThemeProvider({
  children,
  mode: fixed,
}: {
  children: ReactNode
  /** The mode to draw in (the server's first frame: it has no device to ask). */
  mode?: Mode
}) {
  const [choice, setChoice] = useState<ThemeChoice>(() => fixed ?? stored())
  const deviceDark = useDeviceMatches(DARK_QUERY)
  const lessMotion = useDeviceMatches(LESS_MOTION_QUERY)
  const mode: Mode = choice === 'system' ? (deviceDark ? 'dark' : 'light') : choice

  useEffect(() => paint(mode), [mode])

  const adopt = useCallback((next: ThemeChoice) => {
    remember(next)
    setChoice(next)
  }, [])

  const choose = useCallback(
    (next: ThemeChoice) => {
      adopt(next)
      http.patch(`${API_URL}/auth/preferences`, { theme: next }).catch(() => {
        /* kept on this device; the server gets it with the next change */
      })
    },
    [adopt]
  )

  const config = useMemo(
    () => ({
      ...RefineThemes.Blue,
      algorithm: mode === 'dark' ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm,
    }),
    [mode]
  )
  const state = useMemo(() => ({ mode, choice, choose, adopt }), [mode, choice, choose, adopt])

  return (
    <ThemeContext.Provider value={state}>
      <ConfigProvider theme={config} wave={lessMotion ? NO_WAVE : undefined}>
        <MotionProvider motion={!lessMotion}>{children}</MotionProvider>
      </ConfigProvider>
    </ThemeContext.Provider>
  )
}

/** The signed-in person's saved theme (once per sign-in): the server's choice wins over this device's. */
export async function fetchThemeChoice(): Promise<ThemeChoice | null> {
  try {
    const { data } = await http.get<{ theme: ThemeChoice }>(`${API_URL}/auth/preferences`)
    return data.theme
  } catch {
    return null
  }
}
