import { CanAccess, useCustom } from '@refinedev/core'
import { Card, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import { metaStore } from '../../meta/meta_store'
import { ApiErrorResult } from '../errors/api_error_result'
import { ForbiddenPage } from '../errors/forbidden_page'
import type { PluginCatalog, PluginSummary } from './plugin_summary'
import { PluginToggle } from './plugin_toggle'

function PluginNames({ names, catalog }: { names: string[]; catalog: PluginCatalog }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  if (names.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  return (
    <Space size={[0, 4]} wrap>
      {names.map((name) => (
        <Tag key={name}>{localize(catalog.get(name)?.label) || name}</Tag>
      ))}
    </Space>
  )
}

/** Every discovered plugin with its state and an enable/disable switch (K2, K5). */
function PluginTable() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { query, result } = useCustom<any>({
    url: '/api/plugins',
    method: 'get',
    // Failures are shown as the page itself (no permission, server message) rather than a toast.
    errorNotification: false,
  })
  const plugins = useMemo<PluginSummary[]>(
    () => (Array.isArray(result.data) ? result.data : []),
    [result.data]
  )
  const catalog = useMemo(() => new Map(plugins.map((plugin) => [plugin.name, plugin])), [plugins])

  const refreshAfterToggle = () => {
    void query.refetch()
    // The menu and plugin pages follow /api/meta; reload it so they change without a page reload.
    metaStore.reload().catch(() => {})
  }

  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />

  const columns: ColumnsType<PluginSummary> = [
    {
      title: t('plugins.columns.plugin'),
      key: 'plugin',
      render: (_, plugin) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{localize(plugin.label)}</Typography.Text>
          <Typography.Text type="secondary" code>
            {plugin.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('plugins.columns.description'),
      key: 'description',
      render: (_, plugin) => localize(plugin.description),
    },
    { title: t('plugins.columns.version'), dataIndex: 'version', key: 'version' },
    {
      title: t('plugins.columns.dependsOn'),
      key: 'dependsOn',
      render: (_, plugin) => <PluginNames names={plugin.dependsOn} catalog={catalog} />,
    },
    {
      title: t('plugins.columns.dependents'),
      key: 'dependents',
      render: (_, plugin) => <PluginNames names={plugin.dependents} catalog={catalog} />,
    },
    {
      title: t('plugins.columns.state'),
      key: 'state',
      render: (_, plugin) => (
        <Space>
          <PluginToggle plugin={plugin} catalog={catalog} onChanged={refreshAfterToggle} />
          <Tag
            color={plugin.enabled ? 'green' : 'default'}
            data-testid={`plugin-state-${plugin.name}`}
          >
            {plugin.enabled ? t('plugins.enabled') : t('plugins.disabled')}
          </Tag>
        </Space>
      ),
    },
  ]

  return (
    <Card>
      <Typography.Title level={3}>{t('plugins.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('plugins.intro')}</Typography.Paragraph>
      <Table<PluginSummary>
        rowKey="name"
        columns={columns}
        dataSource={plugins}
        loading={query.isLoading}
        pagination={false}
        data-testid="plugin-table"
      />
    </Card>
  )
}

export default function PluginManagerPage() {
  return (
    <CanAccess resource="plugins" action="list" fallback={<ForbiddenPage />}>
      <PluginTable />
    </CanAccess>
  )
}
