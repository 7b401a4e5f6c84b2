import { useState } from 'react'
import { useLogin, useNotification } from '@refinedev/core'
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd'

interface Credentials {
  email: string
  password: string
}

export default function LoginPage() {
  const { mutate: login, isPending } = useLogin<Credentials>()
  const { close } = useNotification()
  const [error, setError] = useState<string | null>(null)

  // The message is shown in the form: drop Refine's duplicate toast.
  const show = (message: string) => {
    close?.('login-error')
    setError(message)
  }

  const onFinish = (values: Credentials) => {
    setError(null)
    login(values, {
      onSuccess: (result) => {
        if (!result.success) show(result.error?.message ?? 'Login failed')
      },
      onError: (failure) => show(failure.message),
    })
  }

  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Mission Control
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Sign in to supervise the agents.
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form<Credentials>
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={isPending}
        >
          <Form.Item
            name="email"
            label="Email"
            rules={[
              { required: true, message: 'Enter your email' },
              { type: 'email', message: 'This is not an email address' },
            ]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label="Password"
            rules={[{ required: true, message: 'Enter your password' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isPending}>
            Sign in
          </Button>
        </Form>
      </Card>
    </Flex>
  )
}
