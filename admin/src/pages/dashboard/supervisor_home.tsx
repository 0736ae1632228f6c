import { Col, Row } from 'antd'
import type { SessionUser } from '../../meta/admin_meta'
import { useResourceDescription } from '../../resources/use_resource_description'
import { HomeWidgets } from './home_widgets'
import { UnassignedClientsCard } from './unassigned_clients_card'

/**
 * The supervisor's (and admin's) home: the clients nobody works yet, then what plugins report
 * of the day (`home.supervisor`): gestiones per agent, due and overdue callbacks.
 */
export function SupervisorHome({ user }: { user: SessionUser }) {
  const clients = useResourceDescription('clients')
  return (
    <Row gutter={[16, 16]}>
      {clients && (
        <Col xs={24} xl={12}>
          <UnassignedClientsCard />
        </Col>
      )}
      <HomeWidgets slot="home.supervisor" user={user} />
    </Row>
  )
}
