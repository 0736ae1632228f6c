import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { useLogout } from '@refinedev/core'
import { Avatar, Button, Layout, Space, Tag, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSessionUser } from '../meta/use_session_user'
import { Slot } from '../plugins/slot'
import { LanguageSwitch } from './language_switch'

const ROLE_COLORS = { admin: 'gold', supervisor: 'blue', agent: 'green' } as const

/**
 * Who is signed in, in which role, the language switch and the way out; plugins add badges
 * (the agent's due callbacks) through the `header.badges` slot.
 */
export function AppHeader() {
  const { token } = theme.useToken()
  const { t } = useTranslation()
  const user = useSessionUser()
  const { mutate: logout, isPending } = useLogout()

  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        padding: '0 24px',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 1,
      }}
    >
      <Space size="large">
        <Slot name="header.badges" />
        <LanguageSwitch />
        {user && (
          <Space data-testid="current-user">
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text strong>{user.fullName}</Typography.Text>
            <Tag color={ROLE_COLORS[user.role]} data-testid="current-role">
              {t(`roles.${user.role}`)}
            </Tag>
          </Space>
        )}
        <Button
          icon={<LogoutOutlined />}
          loading={isPending}
          onClick={() => logout()}
          data-testid="logout"
        >
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  )
}
