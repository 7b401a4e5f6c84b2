import type { ReactNode } from 'react'
import { Alert, Button, Empty, Flex, Spin } from 'antd'

/** A centered spinner while a screen or its data loads. */
export function Loading({ minHeight = 240, testId }: { minHeight?: number; testId?: string }) {
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight }}
      role="status"
      aria-label="Loading"
      data-testid={testId}
    >
      <Spin size="large" />
    </Flex>
  )
}

/** Failed to load: what failed, the server's message, and a retry. */
export function QueryError({
  title,
  error,
  onRetry,
}: {
  title: string
  error?: { message?: string; statusCode?: number } | null
  onRetry?: () => void
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={title}
      description={error?.message}
      action={onRetry ? <Button onClick={onRetry}>Retry</Button> : undefined}
    />
  )
}

/**
 * The table's empty text: "no match" when filters are on, an invitation
 * when the list is truly empty, nothing misleading when loading failed.
 */
export function tableEmptyText({
  isError,
  filtered,
  noun,
  action,
}: {
  isError?: boolean
  filtered?: boolean
  noun: string
  action?: ReactNode
}) {
  if (isError) return <Empty description={`The ${noun} could not be loaded`} />
  if (filtered) return <Empty description={`No ${noun} match these filters`} />
  return <Empty description={`No ${noun} yet`}>{action}</Empty>
}
