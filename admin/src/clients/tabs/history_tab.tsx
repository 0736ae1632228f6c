import { useCustom } from '@refinedev/core'
import { Table, type TableColumnType } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { ApiErrorResult } from '../../pages/errors/api_error_result'
import { FieldValue } from '../../resources/fields/field_value'
import { useUserLocale } from '../../resources/fields/use_user_locale'
import { formatInstant } from '../../resources/fields/user_time'
import type { ClientRecord } from '../client_record'

interface CardChange {
  id: string
  field: string
  old: unknown
  new: unknown
  actor: { id: number; name: string } | null
  createdAt: string
}

/** The card's field changes (C9): field, old value, new value, who, when; newest first. */
export function HistoryTab({
  client,
  resource,
}: {
  client: ClientRecord
  resource: ResourceDescription
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { locale, zone } = useUserLocale()
  const { query, result } = useCustom<CardChange[]>({
    url: `/api/clients/${client.id}/history`,
    method: 'get',
    errorNotification: false,
  })
  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />

  const fieldOf = (name: string) => resource.fields.find((field) => field.name === name)
  const value = (change: CardChange, raw: unknown) => {
    const field = fieldOf(change.field)
    if (field) return <FieldValue field={field} value={raw} />
    return raw === null || raw === undefined ? t('common.none') : String(raw)
  }
  const columns: TableColumnType<CardChange>[] = [
    {
      key: 'field',
      title: t('resources.history.field'),
      render: (_, change) => {
        const field = fieldOf(change.field)
        return field ? localize(field.label) : change.field
      },
    },
    { key: 'old', title: t('resources.history.old'), render: (_, c) => value(c, c.old) },
    { key: 'new', title: t('resources.history.new'), render: (_, c) => value(c, c.new) },
    {
      key: 'who',
      title: t('resources.history.who'),
      render: (_, change) => change.actor?.name ?? t('resources.history.system'),
    },
    {
      key: 'when',
      title: t('resources.history.when'),
      render: (_, change) => formatInstant(change.createdAt, zone, locale),
    },
  ]

  return (
    <div data-testid="client-history">
      <Table<CardChange>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={(Array.isArray(result.data) ? result.data : []).filter(
          (change) => !['updated_at', 'search_name', 'document_key'].includes(change.field)
        )}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </div>
  )
}
