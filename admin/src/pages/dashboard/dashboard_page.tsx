import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAdminMeta } from '../../meta/meta_store'
import { AgentHome } from './agent_home'
import { SupervisorHome } from './supervisor_home'

/**
 * Home page: the day's work of the signed-in role, not an inventory of the system. Agents see
 * whom to call; supervisors and admins how the day goes. Plugins add their cards through the
 * `home.*` slots.
 */
export default function DashboardPage() {
  const { t } = useTranslation()
  const { meta } = useAdminMeta()
  if (!meta) return null
  const { user } = meta

  return (
    <div data-testid="dashboard-page">
      <Typography.Title level={2}>
        {t('dashboard.greeting', { name: user.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`home.intro.${user.role}`)}</Typography.Paragraph>
      {user.role === 'agent' ? <AgentHome user={user} /> : <SupervisorHome user={user} />}
    </div>
  )
}
