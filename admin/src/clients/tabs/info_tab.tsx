import { Card, Col, Row } from 'antd'
import type { ResourceDescription } from '../../meta/admin_meta'
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
 * may update it, the read-only details for the others; marketing preferences beside it.
 */
export function InfoTab({ resource, client }: InfoTabProps) {
  const canUpdate = Boolean(resource.actions.update)
  const fields = resource.fields
    .filter((field) => !field.readOnly && !NOT_IN_FORM.has(field.name))
    .map((field) => field.name)

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card size="small">
          {canUpdate ? (
            <RecordForm
              resource={resource}
              action="edit"
              id={client.id}
              fields={fields}
              columns={2}
            />
          ) : (
            <RecordDetails resource={resource} record={client} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <MarketingPreferences client={client} canUpdate={canUpdate} />
      </Col>
    </Row>
  )
}
