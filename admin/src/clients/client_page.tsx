import { useShow } from '@refinedev/core'
import { Card, Skeleton, Tabs } from 'antd'
import { useSearchParams } from 'react-router'
import { retryUnlessRefused } from '../api/query_retry'
import { ApiErrorResult } from '../pages/errors/api_error_result'
import type { ResourceScreenProps } from '../resources/custom_screens'
import { ClientHeader } from './client_header'
import type { ClientRecord } from './client_record'
import { useClientTabs } from './client_tabs'

function ClientTabs({
  resource,
  client,
}: {
  resource: ResourceScreenProps['resource']
  client: ClientRecord
}) {
  const [search, setSearch] = useSearchParams()
  const items = useClientTabs(resource, client)
  const active = items.some((item) => item.key === search.get('tab')) ? search.get('tab')! : 'info'
  return (
    <Card>
      <Tabs
        activeKey={active}
        // The tab lives in the URL: a reload or a shared link opens the same tab.
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        destroyOnHidden
        items={items}
      />
    </Card>
  )
}

/**
 * The client page (C1–C15), shown instead of the generated record page for `clients`: header
 * with marks, assigned user and actions; tabs for the card, contacts, notes, tasks, files,
 * related clients, log, history, dashboard and whatever enabled plugins add.
 */
export default function ClientPage({ resource, id }: ResourceScreenProps) {
  const { query, result } = useShow<ClientRecord>({
    resource: 'clients',
    id,
    errorNotification: false,
    // 403 (not the user's) and 404 (gone) are final: their page at once, no retries
    queryOptions: { retry: retryUnlessRefused },
  })
  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
  if (!result) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    )
  }
  return (
    <div data-testid="client-page">
      <ClientHeader resource={resource} client={result} />
      <ClientTabs resource={resource} client={result} />
    </div>
  )
}
