import { LockOutlined, MailOutlined, TableOutlined } from '@ant-design/icons'
import { useLogin } from '@refinedev/core'
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../layout/language_switch'
import type { LoginCredentials } from '../../providers/auth_provider'

/**
 * Sign-in form. A refusal (wrong password, too many attempts) shows the backend's own message
 * inline; after success Refine returns the user to the page in `?to=`, or home.
 */
export default function LoginPage() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { mutate: login, isPending, data: outcome } = useLogin<LoginCredentials>()
  const failure = outcome && !outcome.success ? outcome.error?.message : undefined

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: token.colorBgLayout }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <TableOutlined style={{ fontSize: 32, color: token.colorPrimary }} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        {failure && (
          <Alert
            type="error"
            showIcon
            message={failure}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginCredentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(credentials) => login(credentials)}
        >
          <Form.Item
            name="email"
            label={t('login.email')}
            rules={[
              { required: true, message: t('login.emailRequired') },
              { type: 'email', message: t('login.emailInvalid') },
            ]}
          >
            <Input
              prefix={<MailOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="login-email"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  )
}
