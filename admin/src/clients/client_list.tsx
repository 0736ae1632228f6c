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
 * caller-ID lookup and an "only mine" switch for whoever sees more than their own clients (C14).
 */
export default function ClientList({
  resource,
  focusSearch,
}: ResourceScreenProps & { focusSearch?: boolean }) {
  const { t } = useTranslation()
  const user = useSessionUser()
  const [onlyMine, setOnlyMine] = useState(() => sessionStorage.getItem(ONLY_MINE_KEY) === '1')
  const permanent = useMemo<CrudFilter[]>(
    () => (onlyMine && user ? [{ field: 'assigned_user_id', operator: 'eq', value: user.id }] : []),
    [onlyMine, user]
  )
  // Agents only ever see their own clients: the switch would change nothing for them.
  const showSwitch = user?.role !== 'agent'

  const toggle = (checked: boolean) => {
    setOnlyMine(checked)
    sessionStorage.setItem(ONLY_MINE_KEY, checked ? '1' : '0')
  }

  return (
    <ResourceList
      resource={resource}
      permanentFilters={permanent}
      focusSearch={focusSearch}
      toolbar={
        <>
          <CallerIdLookup />
          {showSwitch && (
            <Space size={4}>
              <Switch size="small" checked={onlyMine} onChange={toggle} data-testid="only-mine" />
              <Typography.Text>{t('clients.list.onlyMine')}</Typography.Text>
            </Space>
          )}
        </>
      }
    />
  )
}
