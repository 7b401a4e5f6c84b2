import { lazy, Suspense, type ReactNode } from 'react'
import { BrowserRouter, Outlet, Route, Routes } from 'react-router'
import { Authenticated, CanAccess, Refine, type HttpError } from '@refinedev/core'
import {
  ErrorComponent,
  RefineThemes,
  ThemedLayout,
  ThemedTitle,
  useNotificationProvider,
} from '@refinedev/antd'
import routerProvider, {
  CatchAllNavigate,
  DocumentTitleHandler,
  NavigateToResource,
  UnsavedChangesNotifier,
} from '@refinedev/react-router'
import dataProvider from '@refinedev/simple-rest'
import { App as AntdApp, ConfigProvider, Flex, Result, Spin } from 'antd'
import { DashboardOutlined, TeamOutlined } from '@ant-design/icons'
import { API_URL, http } from './http'
import { accessControlProvider, authProvider } from './auth'

const LoginPage = lazy(() => import('./pages/login'))
const HomePage = lazy(() => import('./pages/home'))
const UserList = lazy(() => import('./pages/users/list'))
const UserCreate = lazy(() => import('./pages/users/create'))
const UserEdit = lazy(() => import('./pages/users/edit'))

function Loading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  )
}

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>
}

function Forbidden() {
  return (
    <Result
      status="403"
      title="Not allowed"
      subTitle="Your role does not give access to this page."
    />
  )
}

/** Client errors are answers, not glitches: retry only when the server or network failed. */
function retry(failureCount: number, error: unknown) {
  const status = (error as HttpError | undefined)?.statusCode ?? 0
  return failureCount < 2 && (status === 0 || status >= 500)
}

const title = <ThemedTitle collapsed={false} text="Mission Control" />

function Shell() {
  return (
    <Refine
      dataProvider={dataProvider(API_URL, http)}
      routerProvider={routerProvider}
      authProvider={authProvider}
      accessControlProvider={accessControlProvider}
      notificationProvider={useNotificationProvider}
      resources={[
        { name: 'home', list: '/', meta: { label: 'Home', icon: <DashboardOutlined /> } },
        {
          name: 'users',
          list: '/users',
          create: '/users/create',
          edit: '/users/edit/:id',
          meta: { label: 'Users', icon: <TeamOutlined /> },
        },
      ]}
      options={{
        syncWithLocation: true,
        warnWhenUnsavedChanges: true,
        disableTelemetry: true,
        title: { text: 'Mission Control' },
        reactQuery: { clientConfig: { defaultOptions: { queries: { retry } } } },
      }}
    >
      <Routes>
        <Route
          element={
            <Authenticated
              key="app"
              fallback={<CatchAllNavigate to="/login" />}
              loading={<Loading />}
            >
              <ThemedLayout Title={() => title}>
                <Page>
                  <CanAccess fallback={<Forbidden />}>
                    <Outlet />
                  </CanAccess>
                </Page>
              </ThemedLayout>
            </Authenticated>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="/users">
            <Route index element={<UserList />} />
            <Route path="create" element={<UserCreate />} />
            <Route path="edit/:id" element={<UserEdit />} />
          </Route>
          <Route path="*" element={<ErrorComponent />} />
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

export function App() {
  return (
    <BrowserRouter>
      <ConfigProvider theme={RefineThemes.Blue}>
        <AntdApp>
          <Shell />
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  )
}
