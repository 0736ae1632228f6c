import { PhoneOutlined } from '@ant-design/icons'
import { Card, Col, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { CallerIdLookup } from '../../clients/caller_id_lookup'
import type { SessionUser } from '../../meta/admin_meta'
import { HomeWidgets } from './home_widgets'

/**
 * The agent's home (seed 001, Info): the caller-ID box to open whoever is calling, then the
 * work plugins bring: the shared queue of the agent's campaigns (`home.agent.queue`), the
 * callbacks due today and the last gestiones (`home.agent`).
 */
export function AgentHome({ user }: { user: SessionUser }) {
  const { t } = useTranslation()
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card
          title={
            <span>
              <PhoneOutlined /> {t('home.callerId.title')}
            </span>
          }
          data-testid="home-caller-id"
        >
          <Typography.Paragraph type="secondary">{t('home.callerId.help')}</Typography.Paragraph>
          <CallerIdLookup />
        </Card>
      </Col>
      <HomeWidgets slot="home.agent.queue" user={user} />
      <HomeWidgets slot="home.agent" user={user} />
    </Row>
  )
}
