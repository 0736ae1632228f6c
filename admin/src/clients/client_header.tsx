import { Card, Flex, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { ResourceDescription } from '../meta/admin_meta'
import { Slot } from '../plugins/slot'
import { FieldValue } from '../resources/fields/field_value'
import { resourcePaths } from '../resources/resource_paths'
import { DeleteRecordButton } from '../resources/show/delete_record_button'
import { AssignedUserControl } from './assigned_user_control'
import { clientName, type ClientRecord } from './client_record'
import { DuplicatesButton } from './merge/duplicates_button'
import { NotifyButton } from './notify/notify_button'

interface ClientHeaderProps {
  resource: ResourceDescription
  client: ClientRecord
}

/** Facts shown under the name, when the client has them. */
const SUMMARY_FIELDS = ['document', 'primary_phone', 'email', 'country', 'campaign_id', 'status']

/**
 * Who the client is at a glance: name, VIP/BAD marks, plugin badges (alerts, wallet…), the
 * assigned user, and what can be done from here, plugin actions included.
 */
export function ClientHeader({ resource, client }: ClientHeaderProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const name = clientName(client)
  const summary = resource.fields.filter(
    (field) => SUMMARY_FIELDS.includes(field.name) && client[field.name]
  )

  return (
    <Card style={{ marginBottom: 16 }} data-testid="client-header">
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <Space direction="vertical" size={4}>
          <Space wrap align="center">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="client-name">
              {name}
            </Typography.Title>
            {client.vip && (
              <Tag color="gold" data-testid="client-vip">
                {t('clients.marks.vip')}
              </Tag>
            )}
            {client.bad && (
              <Tag color="red" data-testid="client-bad">
                {t('clients.marks.bad')}
              </Tag>
            )}
            <Slot name="client.header.badges" props={{ client }} />
          </Space>
          <Space wrap split={<Typography.Text type="secondary">·</Typography.Text>}>
            {summary.map((field) => (
              <span key={field.name} data-testid={`client-summary-${field.name}`}>
                <FieldValue field={field} value={client[field.name]} />
              </span>
            ))}
          </Space>
          <AssignedUserControl client={client} canUpdate={Boolean(resource.actions.update)} />
        </Space>
        <Space wrap>
          {resource.actions.update && <NotifyButton client={client} />}
          <DuplicatesButton client={client} canMerge={Boolean(resource.actions.delete)} />
          {/* Plugins may give several buttons: they need the same spacing as the core ones. */}
          <Space wrap>
            <Slot name="client.actions" props={{ client }} />
          </Space>
          {resource.actions.delete && (
            <DeleteRecordButton
              resource={resource}
              id={client.id}
              title={name}
              onDeleted={() => navigate(resourcePaths('clients').list)}
            />
          )}
        </Space>
      </Flex>
    </Card>
  )
}
