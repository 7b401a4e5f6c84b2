import { lazy, Suspense, type FC, type ReactNode } from 'react'
import { BrowserRouter, Outlet, Route, Routes, useLocation } from 'react-router'
import {
  Authenticated,
  CanAccess,
  Refine,
  useResourceParams,
  type HttpError,
} from '@refinedev/core'
import {
  ThemedLayout,
  ThemedTitle,
  useNotificationProvider,
  type RefineThemedLayoutSiderProps,
} from '@refinedev/antd'
import {
  CatchAllNavigate,
  DocumentTitleHandler,
  NavigateToResource,
  UnsavedChangesNotifier,
} from '@refinedev/react-router'
import { App as AntdApp } from 'antd'
import type { QueryClient } from '@tanstack/react-query'
import { dataProvider } from './providers/data'
import { router } from './providers/router'
import { authProvider, peekMe } from './providers/auth'
import { accessControlProvider, checkAccessNow } from './providers/access_control'
import { liveProvider } from './providers/live'
import { Loading } from './components/states'
import { Forbidden, NotFound } from './components/result_page'
import { Header } from './shell/header'
import { ScreenErrorBoundary } from './shell/screen_error_boundary'
import { GlobalPauseBanner } from './shell/global_pause'
import { resources, routes } from './plugins'
import { ThemeProvider, type Mode } from './lib/theme'

const LoginPage = lazy(() => import('./pages/login'))

/** A lazy screen: a spinner while its chunk loads, an error page if it throws. */
function Page({ children }: { children: ReactNode }) {
  const { pathname } = useLocation()
  return (
    <ScreenErrorBoundary resetKey={pathname}>
      {/* (a preloaded screen never shows this: src/lib/preloadable.ts) */}
      <Suspense fallback={<Loading testId="screen-suspended" />}>{children}</Suspense>
    </ScreenErrorBoundary>
  )
}

/** Client errors are answers, not glitches: retry only when the server or network failed. */
function retry(failureCount: number, error: unknown) {
  const status = (error as HttpError | undefined)?.statusCode ?? 0
  return failureCount < 2 && (status === 0 || status >= 500)
}

/*
| The shell of a signed-in page, drawn in the app's first pass when the
| session check the app's start sent has answered already (peekMe): Refine's
| own check still runs, and a page that fails it still leaves for /login;
| only the spinner and a render pass in between are gone.
*/
function SignedIn({ children }: { children: ReactNode }) {
  return (
    <Authenticated
      key="app"
      fallback={<CatchAllNavigate to="/login" />}
      loading={peekMe() ? children : <Loading />}
    >
      {children}
    </Authenticated>
  )
}

/** The screen, or Forbidden: the answer at once when who asks is known, else after `can`. */
function ScreenAccess({ children }: { children: ReactNode }) {
  const { resource, action, id } = useResourceParams()
  const now = checkAccessNow(resource?.name, action ?? '', { id })
  return (
    <CanAccess
      resource={resource?.name}
      action={action ?? ''}
      params={{ id, resource }}
      fallback={<Forbidden />}
      queryOptions={now ? { initialData: now } : undefined}
    >
      {children}
    </CanAccess>
  )
}

const title = <ThemedTitle collapsed={false} text="Mission Control" />

/** The app's parts the server's first frame draws its own way (src/first_frame.tsx). */
interface FrameParts {
  /** Refine's client settings, for a drawing's own cache (the browser's default otherwise). */
  queryClient?: QueryClient
  /** The menu at the side (Refine's ThemedSider otherwise). */
  Sider?: FC<RefineThemedLayoutSiderProps>
}

function Shell({ queryClient, Sider }: FrameParts) {
  return (
    <Refine
      dataProvider={dataProvider}
      routerProvider={router}
      authProvider={authProvider}
      accessControlProvider={accessControlProvider}
      liveProvider={liveProvider}
      notificationProvider={useNotificationProvider}
      resources={resources}
      options={{
        syncWithLocation: true,
        warnWhenUnsavedChanges: true,
        disableTelemetry: true,
        liveMode: 'auto',
        title: { text: 'Mission Control' },
        // the server's first frame brings its own (src/first_frame.tsx)
        reactQuery: { clientConfig: queryClient ?? { defaultOptions: { queries: { retry } } } },
      }}
    >
      <Routes>
        <Route
          element={
            <SignedIn>
              <ThemedLayout Title={() => title} Header={Header} Sider={Sider}>
                <GlobalPauseBanner />
                <Page>
                  <ScreenAccess>
                    <Outlet />
                  </ScreenAccess>
                </Page>
              </ThemedLayout>
            </SignedIn>
          }
        >
          {routes.map(({ path, component: Screen }) => (
            <Route key={path} path={path} element={<Screen />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route
          element={
            <Authenticated key="auth-pages" fallback={<Outlet />} loading={<Loading />}>
              <NavigateToResource resource="home" />
            </Authenticated>
          }
        >
          <Route
            path="/login"
            element={
              <Page>
                <LoginPage />
              </Page>
            }
          />
        </Route>
      </Routes>
      <UnsavedChangesNotifier />
      <DocumentTitleHandler
        handler={({ resource }) =>
          `${resource?.meta?.label ?? 'Mission Control'} | Mission Control`
        }
      />
    </Refine>
  )
}

/** The app inside a router: the browser's, or the server's for a first frame (src/first_frame.tsx). */
export function AppFrame({ mode, ...parts }: { mode?: Mode } & FrameParts) {
  return (
    <ThemeProvider mode={mode}>
      <AntdApp>
        <Shell {...parts} />
      </AntdApp>
    </ThemeProvider>
  )
}

export function App() {
  return (
    <BrowserRouter>
      <AppFrame />
    </BrowserRouter>
  )
}
