import { useCustom } from '@refinedev/core'
import { Table, Tag, Typography, type TableColumnType } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { ApiErrorResult } from '../../pages/errors/api_error_result'
import { FieldValue } from '../fields/field_value'
import { useUserLocale } from '../fields/use_user_locale'
import { formatInstant } from '../fields/user_time'
import { historyRows, type HistoryEntry, type HistoryRow } from './history_rows'

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' }

interface HistoryTableProps {
  resource: ResourceDescription
  id: string
  /** Where the entries come from; the generic audit trail of the record by default. */
  url?: string
}

/** Who changed what and when on one record (K11): field, old value, new value, who, when. */
export function HistoryTable({ resource, id, url }: HistoryTableProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { locale, zone } = useUserLocale()
  const { query, result } = useCustom<HistoryEntry[]>({
    url: url ?? `/api/r/${encodeURIComponent(resource.name)}/${encodeURIComponent(id)}/history`,
    method: 'get',
    errorNotification: false,
  })
  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />

  const fieldOf = (name: string | null) => resource.fields.find((field) => field.name === name)
  const spanned = (row: HistoryRow) => ({ rowSpan: row.span })
  const value = (row: HistoryRow, which: 'old' | 'new') => {
    const field = fieldOf(row.field)
    const raw = row[which]
    if (field) return <FieldValue field={field} value={raw} />
    return raw === null || raw === undefined ? t('common.none') : JSON.stringify(raw)
  }

  const columns: TableColumnType<HistoryRow>[] = [
    {
      key: 'when',
      title: t('resources.history.when'),
      onCell: spanned,
      render: (_, row) => formatInstant(row.entry.createdAt, zone, locale),
    },
    {
      key: 'who',
      title: t('resources.history.who'),
      onCell: spanned,
      render: (_, row) => row.entry.actor?.name ?? t('resources.history.system'),
    },
    {
      key: 'action',
      title: t('resources.history.action'),
      onCell: spanned,
      render: (_, row) => (
        <Tag color={ACTION_COLORS[row.entry.action]}>
          {t(`resources.history.actions.${row.entry.action}`, { defaultValue: row.entry.action })}
        </Tag>
      ),
    },
    {
      key: 'field',
      title: t('resources.history.field'),
      render: (_, row) => {
        const field = fieldOf(row.field)
        return field ? (
          localize(field.label)
        ) : (
          <Typography.Text code>{row.field ?? '—'}</Typography.Text>
        )
      },
    },
    { key: 'old', title: t('resources.history.old'), render: (_, row) => value(row, 'old') },
    { key: 'new', title: t('resources.history.new'), render: (_, row) => value(row, 'new') },
  ]

  return (
    <div data-testid="history-table">
      <Table<HistoryRow>
        size="small"
        bordered
        loading={query.isLoading}
        rowKey="key"
        columns={columns}
        // While loading, Refine hands out an empty object rather than an empty list.
        dataSource={historyRows(Array.isArray(result.data) ? result.data : [], resource.primaryKey)}
        pagination={false}
      />
    </div>
  )
}
