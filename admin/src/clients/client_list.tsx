import type { CrudFilter } from '@refinedev/core'
import { Switch, Typography, Space } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSessionUser } from '../meta/use_session_user'
import type { ResourceScreenProps } from '../resources/custom_screens'
import ResourceList from '../resources/list/resource_list'
import { CallerIdLookup } from './caller_id_lookup'

const ONLY_MINE_KEY = 'tablero.clients.onlyMine'

/**
 * The clients list: the generated list (columns, filters, export, plugin columns) plus the
 * caller-ID lookup and the "Solo mis clientes" switch (C14): on by default for agents, who may
 * turn it off to search every client of their campaigns.
 */
export default function ClientList({
  resource,
  focusSearch,
}: ResourceScreenProps & { focusSearch?: boolean }) {
  const { t } = useTranslation()
  const user = useSessionUser()
  // Agents start with their own clients (seed 001 Búsqueda) and may widen to their campaigns'.
  const [onlyMine, setOnlyMine] = useState(() => {
    const remembered = sessionStorage.getItem(ONLY_MINE_KEY)
    return remembered === null ? user?.role === 'agent' : remembered === '1'
  })
  const permanent = useMemo<CrudFilter[]>(
    () => (onlyMine && user ? [{ field: 'assigned_user_id', operator: 'eq', value: user.id }] : []),
    [onlyMine, user]
  )
  const toggle = (checked: boolean) => {
    setOnlyMine(checked)
    sessionStorage.setItem(ONLY_MINE_KEY, checked ? '1' : '0')
  }

  return (
    <ResourceList
      // Refine keeps the permanent filters the table started with in its own filter state, so
      // turning the switch off would not drop them: the list starts over, keeping its search.
      key={onlyMine ? 'mine' : 'all'}
      resource={resource}
      permanentFilters={permanent}
      focusSearch={focusSearch}
      toolbar={
        <>
          <CallerIdLookup />
          <Space size={4}>
            <Switch size="small" checked={onlyMine} onChange={toggle} data-testid="only-mine" />
            <Typography.Text>{t('clients.list.onlyMine')}</Typography.Text>
          </Space>
        </>
      }
    />
  )
}
