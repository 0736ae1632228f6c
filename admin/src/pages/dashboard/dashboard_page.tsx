import { Card, Col, Empty, List, Row, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useLocalize } from '../../i18n/localized_text'
import { MenuIcon } from '../../layout/menu_icon'
import { useAdminMeta } from '../../meta/meta_store'

/** Home page: who you are and shortcuts to the screens enabled plugins give your role. */
export default function DashboardPage() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { meta } = useAdminMeta()
  if (!meta) return null

  const shortcuts = meta.plugins.flatMap((plugin) =>
    plugin.menu.map((entry) => ({ ...entry, plugin: localize(plugin.label) }))
  )

  return (
    <div data-testid="dashboard-page">
      <Typography.Title level={2}>
        {t('dashboard.greeting', { name: meta.user.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('dashboard.role')} value={t(`roles.${meta.user.role}`)} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('dashboard.enabledPlugins')} value={meta.plugins.length} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('dashboard.resources')} value={meta.resources.length} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('dashboard.shortcuts')}>
            {shortcuts.length === 0 ? (
              <Empty description={t('dashboard.noShortcuts')} />
            ) : (
              <List
                dataSource={shortcuts}
                renderItem={(entry) => (
                  <List.Item>
                    <List.Item.Meta
                      avatar={<MenuIcon name={entry.icon} />}
                      title={<Link to={entry.path}>{localize(entry.label)}</Link>}
                      description={entry.plugin}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  )
}
