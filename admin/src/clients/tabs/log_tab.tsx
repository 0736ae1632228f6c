import { useCustom } from '@refinedev/core'
import { Table, Tag, type TableColumnType } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import { useAdminMeta } from '../../meta/meta_store'
import { ApiErrorResult } from '../../pages/errors/api_error_result'
import { useUserLocale } from '../../resources/fields/use_user_locale'
import { formatInstant } from '../../resources/fields/user_time'
import type { ClientRecord } from '../client_record'
import { LogEntryDetails } from './log_entry_details'

interface LogEntry {
  id: number
  action: string
  resource: string
  recordId: string | null
  actor: { id: number; name: string } | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  createdAt: string
}

/** Everything done on the account (C7): card changes, contacts, notes, files, messages sent. */
export function LogTab({ client }: { client: ClientRecord }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { locale, zone } = useUserLocale()
  const { meta } = useAdminMeta()
  const { query, result } = useCustom<LogEntry[]>({
    url: `/api/clients/${client.id}/log`,
    method: 'get',
    errorNotification: false,
  })
  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
  const resourceOf = (name: string) => meta?.resources.find((r) => r.name === name) ?? null

  const columns: TableColumnType<LogEntry>[] = [
    {
      key: 'when',
      title: t('resources.history.when'),
      width: 170,
      render: (_, entry) => formatInstant(entry.createdAt, zone, locale),
    },
    {
      key: 'who',
      title: t('resources.history.who'),
      render: (_, entry) => entry.actor?.name ?? t('resources.history.system'),
    },
    {
      key: 'action',
      title: t('resources.history.action'),
      render: (_, entry) => (
        <Tag data-testid="log-action">
          {t(`clients.log.actions.${entry.action.replace('.', '_')}`, {
            defaultValue: entry.action,
          })}
        </Tag>
      ),
    },
    {
      key: 'what',
      title: t('clients.log.what'),
      render: (_, entry) => {
        const resource = resourceOf(entry.resource)
        return resource
          ? localize(resource.label)
          : t(`clients.log.resources.${entry.resource}`, { defaultValue: entry.resource })
      },
    },
    {
      key: 'details',
      title: t('clients.log.details'),
      render: (_, entry) => (
        <LogEntryDetails
          resource={resourceOf(entry.resource)}
          before={entry.before}
          after={entry.after}
        />
      ),
    },
  ]

  return (
    <div data-testid="client-log">
      <Table<LogEntry>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={Array.isArray(result.data) ? result.data : []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </div>
  )
}
