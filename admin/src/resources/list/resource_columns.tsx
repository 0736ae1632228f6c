import { EditOutlined, EyeOutlined } from '@ant-design/icons'
import type { CrudSort } from '@refinedev/core'
import { Button, Space, type TableColumnType } from 'antd'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import type { LocalizedText } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { FieldValue } from '../fields/field_value'
import { resourcePaths } from '../resource_paths'
import { showable } from './column_chooser'
import { sortOrderOf } from './table_sorters'

type Row = Record<string, unknown>

interface ColumnOptions {
  resource: ResourceDescription
  columns: string[]
  sorters: CrudSort[]
  localize: (text: LocalizedText | string | undefined) => string
  t: TFunction
  /**
   * Extra columns (plugins' `clients.list.columns`) placed before the row actions, or right after
   * the field column named by their `after` when it is shown.
   */
  extraColumns?: Array<TableColumnType<Row> & { after?: string }>
}

function rowActions(resource: ResourceDescription, t: TFunction): TableColumnType<Row> {
  const paths = resourcePaths(resource.name)
  return {
    key: '__actions',
    title: t('resources.list.actions'),
    fixed: 'right',
    width: 96,
    render: (_, row) => {
      const id = row[resource.primaryKey] as string | number
      return (
        <Space size={0}>
          {resource.actions.show && (
            <Link to={paths.show(id)} data-testid="row-show" title={t('buttons.show')}>
              <Button
                type="text"
                size="small"
                icon={<EyeOutlined />}
                aria-label={t('buttons.show')}
              />
            </Link>
          )}
          {resource.actions.update && (
            <Link to={paths.edit(id)} data-testid="row-edit" title={t('buttons.edit')}>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('buttons.edit')}
              />
            </Link>
          )}
        </Space>
      )
    },
  }
}

/**
 * Table columns for the chosen fields: typed cells, server-side sorting on sortable fields
 * (several keys: the last column clicked first), and the row actions.
 */
export function buildResourceColumns(options: ColumnOptions): TableColumnType<Row>[] {
  const { resource, columns, sorters, localize, t, extraColumns = [] } = options
  const chosen = new Set(columns)
  const fieldColumns = showable(resource)
    .filter((field) => chosen.has(field.name))
    .map((field): TableColumnType<Row> => ({
      key: field.name,
      dataIndex: field.name,
      title: localize(field.label),
      // `multiple` lets several columns show their arrow; nextSorters decides the key order.
      sorter: field.sortable ? { multiple: 1 } : false,
      sortOrder: field.sortable ? sortOrderOf(field.name, sorters) : undefined,
      ellipsis: field.type === 'textarea',
      onHeaderCell: () => ({ 'data-testid': `column-${field.name}` }) as never,
      render: (value: unknown) => <FieldValue field={field} value={value} compact />,
    }))
  return [...placeColumns(fieldColumns, extraColumns), rowActions(resource, t)]
}

/** The field columns with each extra column after its `after` field's, the others at the end. */
export function placeColumns<Column extends TableColumnType<Row>>(
  fieldColumns: Column[],
  extraColumns: Array<Column & { after?: string }>
): Column[] {
  const shown = new Set(fieldColumns.map((column) => column.key))
  const placed = (column: { after?: string }) => column.after && shown.has(column.after)
  const strip = ({ after: _after, ...column }: Column & { after?: string }) => column as Column
  return [
    ...fieldColumns.flatMap((column) => [
      column,
      ...extraColumns.filter((extra) => placed(extra) && extra.after === column.key).map(strip),
    ]),
    ...extraColumns.filter((extra) => !placed(extra)).map(strip),
  ]
}
