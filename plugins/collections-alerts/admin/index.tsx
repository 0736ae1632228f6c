import { definePluginAdmin, useSessionUser } from '@tablero/admin'
import { useSubscription } from '@refinedev/core'
import { alertsChanged } from './alerts_api'
import { daysOverdue } from './days_overdue'
import { Spin } from 'antd'
import { lazy, Suspense, type ComponentProps } from 'react'
import { MESSAGES } from './messages'

/*
 * The module stays tiny (the shell downloads it for every signed-in user while the plugin is
 * enabled); badges and the portfolio tab are fetched when first shown.
 */
const AlertBadges = lazy(() => import('./alert_badges'))
const PortfolioTab = lazy(() => import('./portfolio_tab'))
const SegmentsPage = lazy(() => import('./segments_page'))

/** A5: beside the client's name on its page (`client.header.badges`). */
function HeaderBadges({ client }: { client: { id: number } }) {
  const user = useSessionUser()
  // a gestión or a channel event changed this client's alerts: every badge of it asks again
  useSubscription({
    channel: `users/${user?.id ?? 0}`,
    types: ['collections-alerts.changed'],
    enabled: Boolean(user),
    onLiveEvent: (event) => alertsChanged(Number(event.payload?.clientId)),
  })
  return (
    <Suspense fallback={null}>
      <AlertBadges clientId={Number(client.id)} />
    </Suspense>
  )
}

/** A5/A6: the "Alerta" column of the clients list (`clients.list.columns`). */
function AlertCell({ record }: { record: Record<string, unknown> }) {
  return (
    <Suspense fallback={null}>
      <AlertBadges clientId={Number(record.id)} />
    </Suspense>
  )
}
AlertCell.columnTitle = MESSAGES['column.title']

/** A7: days overdue in the generic debts list (sorting by "Vencimiento" sorts by it). */
function DaysOverdueCell({ record }: { record: Record<string, unknown> }) {
  return <span data-testid="days-overdue">{daysOverdue(record.due_date)}</span>
}
DaysOverdueCell.columnTitle = MESSAGES['portfolio.daysOverdue']

function PortfolioSlot(props: ComponentProps<typeof PortfolioTab>) {
  return (
    <Suspense fallback={<Spin />}>
      <PortfolioTab {...props} />
    </Suspense>
  )
}
PortfolioSlot.tabTitle = MESSAGES['tab.title']

/** Admin half of collections-alerts: badges, the list's "Alerta" column, the portfolio tab. */
function SegmentsRoute() {
  return (
    <Suspense fallback={<Spin />}>
      <SegmentsPage />
    </Suspense>
  )
}

export default definePluginAdmin({
  routes: [{ path: '/segmentos', element: SegmentsRoute }],
  slots: {
    'client.header.badges': [HeaderBadges],
    'clients.list.columns': [AlertCell],
    'client.tabs': [PortfolioSlot],
    'ca_debts.list.columns': [DaysOverdueCell],
  },
})
