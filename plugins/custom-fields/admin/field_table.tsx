import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  EditOutlined,
  HistoryOutlined,
  HolderOutlined,
  SwapOutlined,
} from '@ant-design/icons'
import { useNavigation } from '@refinedev/core'
import { useLocalize } from '@tablero/admin'
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { ReactNode } from 'react'
import type { CustomField } from './definitions'
import { RetireRestoreButton } from './retire_restore_button'
import { StatusTag } from './status_tag'
import { typeLabel, useMessages } from './use_messages'
import { moveItem, useRowDrag } from './use_row_drag'

interface FieldTableProps {
  /** In the order agents see them. */
  fields: CustomField[]
  onReorder: (fieldIds: number[]) => void
  onEdit: (field: CustomField) => void
  onChangeType: (field: CustomField) => void
  onRetire: (field: CustomField) => Promise<unknown>
  onRestore: (field: CustomField) => Promise<unknown>
}

function IconButton(props: {
  title: string
  icon: ReactNode
  onClick: () => void
  disabled?: boolean
  testId: string
}) {
  return (
    <Tooltip title={props.title}>
      <Button
        size="small"
        icon={props.icon}
        aria-label={props.title}
        disabled={props.disabled}
        onClick={props.onClick}
        data-testid={props.testId}
      />
    </Tooltip>
  )
}

/**
 * A profile's fields in order (P3): drag a row, or use the arrows, to reorder; edit, change the
 * type, open its history (the generic resource page), retire or restore each one.
 */
export function FieldTable(props: FieldTableProps) {
  const t = useMessages()
  const localize = useLocalize()
  const { fields, onReorder } = props
  const ids = fields.map((field) => field.id)
  const { rowProps } = useRowDrag(ids, onReorder)
  // A field is the resource `cf_fields`: its generic page shows its history.
  const { show } = useNavigation()
  const move = (index: number, by: number) => onReorder(moveItem(ids, index, index + by))

  const columns: ColumnsType<CustomField> = [
    {
      key: 'drag',
      width: 36,
      render: () => (
        <Tooltip title={t('fields.drag')}>
          <HolderOutlined aria-label={t('fields.drag')} style={{ cursor: 'grab' }} />
        </Tooltip>
      ),
    },
    {
      title: t('fields.field'),
      key: 'field',
      render: (_, field) => (
        <Space direction="vertical" size={2}>
          <Space size={6} wrap>
            <Typography.Text
              strong
              type={field.status === 'retired' ? 'secondary' : undefined}
              data-testid="field-label"
            >
              {localize(field.label)}
            </Typography.Text>
            {field.required && <Tag color="red">{t('fields.required')}</Tag>}
            {field.status === 'retired' && <StatusTag status="retired" />}
          </Space>
          <Space size={6} wrap>
            <Typography.Text code>{field.key}</Typography.Text>
            <Tag data-testid="field-type-tag">{typeLabel(t, field.type)}</Tag>
            {field.group && (
              <Typography.Text type="secondary">
                {t('fields.group')}: {field.group}
              </Typography.Text>
            )}
          </Space>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, field, index) => (
        <Space size={4}>
          <IconButton
            title={t('fields.moveUp')}
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(index, -1)}
            testId={`move-up-${field.key}`}
          />
          <IconButton
            title={t('fields.moveDown')}
            icon={<ArrowDownOutlined />}
            disabled={index === fields.length - 1}
            onClick={() => move(index, 1)}
            testId={`move-down-${field.key}`}
          />
          <IconButton
            title={t('common.edit')}
            icon={<EditOutlined />}
            onClick={() => props.onEdit(field)}
            testId={`edit-field-${field.key}`}
          />
          <IconButton
            title={t('fields.changeType')}
            icon={<SwapOutlined />}
            onClick={() => props.onChangeType(field)}
            testId={`change-type-${field.key}`}
          />
          <IconButton
            title={t('fields.history')}
            icon={<HistoryOutlined />}
            onClick={() => show('cf_fields', field.id)}
            testId={`history-field-${field.key}`}
          />
          <RetireRestoreButton
            compact
            status={field.status}
            question={t('fields.retireTitle', { label: localize(field.label) })}
            explanation={t('fields.retireText')}
            onRetire={() => props.onRetire(field)}
            onRestore={() => props.onRestore(field)}
            testId={`field-${field.key}`}
          />
        </Space>
      ),
    },
  ]

  return (
    <div data-testid="field-table">
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={fields}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('fields.empty') }}
        onRow={(field) => ({ ...rowProps(field.id), ['data-field-key' as string]: field.key })}
      />
    </div>
  )
}
