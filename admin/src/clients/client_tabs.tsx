import type { TabsProps } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResourceDescription } from '../meta/admin_meta'
import { useAdminMeta } from '../meta/meta_store'
import type { ClientRecord } from './client_record'
import { usePluginClientTabs } from './client_plugin_tabs'
import { ContactsTab } from './tabs/contacts_tab'
import { DashboardTab } from './tabs/dashboard_tab'
import { FilesTab } from './tabs/files_tab'
import { HistoryTab } from './tabs/history_tab'
import { InfoTab } from './tabs/info_tab'
import { LogTab } from './tabs/log_tab'
import { NotesTab } from './tabs/notes_tab'
import { RelatedTab } from './tabs/related_tab'
import { TasksTab } from './tabs/tasks_tab'

type TabItem = NonNullable<TabsProps['items']>[number]

/**
 * The client page's tabs: the core ones the user's role can see (a tab whose resource is not in
 * the user's metadata is left out), then those of enabled plugins.
 */
export function useClientTabs(resource: ResourceDescription, client: ClientRecord): TabItem[] {
  const { t } = useTranslation()
  const { meta } = useAdminMeta()
  const pluginTabs = usePluginClientTabs(client)
  const visible = (name: string) => Boolean(meta?.resources.some((r) => r.name === name))
  const canUpdate = Boolean(resource.actions.update)

  const tab = (key: string, children: React.ReactNode, shown = true): TabItem | null =>
    shown
      ? {
          key,
          label: <span data-testid={`client-tab-${key}`}>{t(`clients.tabs.${key}`)}</span>,
          children,
        }
      : null

  const core = [
    tab('info', <InfoTab resource={resource} client={client} />),
    tab(
      'contacts',
      <ContactsTab client={client} />,
      ['client_phones', 'client_emails', 'client_addresses'].some(visible)
    ),
    tab('notes', <NotesTab client={client} />, visible('client_notes')),
    tab('tasks', <TasksTab client={client} />, visible('client_tasks')),
    tab('files', <FilesTab client={client} canUpdate={canUpdate} />),
    tab('related', <RelatedTab client={client} />, visible('client_relations')),
    tab('log', <LogTab client={client} />),
    tab('history', <HistoryTab client={client} resource={resource} />),
    tab('dashboard', <DashboardTab client={client} />),
  ]
  return [...core.filter((item) => item !== null), ...pluginTabs]
}
