import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useDelete, useList } from '@refinedev/core'
import { Button, Card, Modal, Popconfirm, Space, Table, type TableColumnType } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { FieldValue } from '../../resources/fields/field_value'
import { RecordForm } from '../../resources/form/record_form'
import { placeColumns } from '../../resources/list/resource_columns'
import { useSlotColumns } from '../../resources/list/slot_columns'
import { useResourceActions } from '../use_resource_actions'

type Row = Record<string, unknown>

/** Satellites point at their client through this field (the engine's `parent`). */
const PARENT_FIELD = 'client_id'

interface SatelliteTableProps {
  /** A satellite resource of clients: `client_phones`, `client_emails`, `client_relations`… */
  resourceName: string
  clientId: number
  /** Per-row buttons besides delete (set primary, mark verified). */
  rowActions?: (row: Row, resource: ResourceDescription) => ReactNode
  /** Fields of the add form, in order; every writable field otherwise. */
  addFields?: string[]
  testId: string
}

/**
 * One kind of a client's satellite records as a small table with add and delete, all driven by
 * the satellite's metadata: a custom field added to phones shows up here with no code, and so do
 * the columns plugins add through `<satellite>.list.columns`.
 */
export function SatelliteTable({
  resourceName,
  clientId,
  rowActions,
  addFields,
  testId,
}: SatelliteTableProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { resource, can } = useResourceActions(resourceName)
  const [adding, setAdding] = useState(false)
  const { mutate: remove } = useDelete()
  // plugins' marks on a phone or an e-mail (`client_phones.list.columns`…)
  const slotColumns = useSlotColumns(resourceName)
  const { query, result } = useList<Row>({
    resource: resourceName,
    filters: [{ field: PARENT_FIELD, operator: 'eq', value: clientId }],
    pagination: { pageSize: 100 },
    errorNotification: false,
    queryOptions: { enabled: Boolean(resource) },
  })
  if (!resource) return null

  const fieldColumns: TableColumnType<Row>[] = resource.fields
    .filter(
      (field) => field.listable && field.name !== PARENT_FIELD && field.name !== resource.primaryKey
    )
    .map((field) => ({
      key: field.name,
      dataIndex: field.name,
      title: localize(field.label),
      render: (value: unknown) => <FieldValue field={field} value={value} compact />,
    }))
  const columns = placeColumns(fieldColumns, slotColumns)
  columns.push({
    key: '__actions',
    title: t('resources.list.actions'),
    align: 'right',
    render: (_, row) => (
      <Space size={0} wrap>
        {rowActions?.(row, resource)}
        {can('delete') && (
          <Popconfirm
            title={t('clients.satellites.deleteConfirm', { label: localize(resource.label) })}
            okText={t('buttons.delete')}
            cancelText={t('buttons.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove({
                resource: resourceName,
                id: row[resource.primaryKey] as number,
                successNotification: false,
                errorNotification: (error) => ({ type: 'error', message: error?.message ?? '' }),
              })
            }
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('buttons.delete')}
              data-testid={`${testId}-delete`}
            />
          </Popconfirm>
        )}
      </Space>
    ),
  })

  return (
    <Card
      size="small"
      title={localize(resource.label)}
      data-testid={testId}
      style={{ marginBottom: 16 }}
      extra={
        can('create') && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            data-testid={`${testId}-add`}
            onClick={() => setAdding(true)}
          >
            {t('clients.satellites.add')}
          </Button>
        )
      }
    >
      <Table<Row>
        size="small"
        rowKey={resource.primaryKey}
        loading={query.isLoading}
        dataSource={result.data}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={adding}
        title={t('clients.satellites.addTitle', { label: localize(resource.label) })}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <RecordForm
          resource={resource}
          action="create"
          fields={addFields}
          fixed={{ [PARENT_FIELD]: clientId }}
          onSaved={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      </Modal>
    </Card>
  )
}
