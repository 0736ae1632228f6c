import { Card, Col, Row, Space } from 'antd'
import type { ResourceDescription } from '../../meta/admin_meta'
import { Slot, useSlotComponents } from '../../plugins/slot'
import { RecordForm } from '../../resources/form/record_form'
import { RecordDetails } from '../../resources/show/record_details'
import type { ClientRecord } from '../client_record'
import { MarketingPreferences } from '../marketing_preferences'

/** The assigned user has its own control in the header, under its own rule (C11). */
const NOT_IN_FORM = new Set(['assigned_user_id'])

interface InfoTabProps {
  resource: ResourceDescription
  client: ClientRecord
}

/**
 * The card itself (C2): an edit form of the client's fields, custom fields included, for whoever
 * may update it, the read-only details for the others; marketing preferences beside it. What
 * enabled plugins put in `client.info` (the gestión form, T6) sits beside the card, so the
 * agent types the call's outcome next to the client's data without changing tab.
 */
export function InfoTab({ resource, client }: InfoTabProps) {
  const canUpdate = Boolean(resource.actions.update)
  const besideCard = useSlotComponents('client.info')
  const fields = resource.fields
    .filter((field) => !field.readOnly && !NOT_IN_FORM.has(field.name))
    .map((field) => field.name)

  const card = (
    <Card size="small">
      {canUpdate ? (
        <RecordForm resource={resource} action="edit" id={client.id} fields={fields} columns={2} />
      ) : (
        <RecordDetails resource={resource} record={client} />
      )}
    </Card>
  )
  const preferences = <MarketingPreferences client={client} canUpdate={canUpdate} />

  if (besideCard.length === 0) {
    return (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {card}
        </Col>
        <Col xs={24} xl={8}>
          {preferences}
        </Col>
      </Row>
    )
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {card}
          {preferences}
        </Space>
      </Col>
      <Col xs={24} xl={12} data-testid="client-info-plugins">
        <Slot name="client.info" props={{ client, clientId: client.id }} />
      </Col>
    </Row>
  )
}
