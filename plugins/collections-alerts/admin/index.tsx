import { definePluginAdmin, useSessionUser, type FilterSourceProps } from '@tablero/admin'
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
const ContactabilityPage = lazy(() => import('./contactability_page'))
const SegmentSource = lazy(() => import('./segment_source'))
const PhoneMarks = lazy(() =>
  import('./contact_marks').then((marks) => ({ default: marks.PhoneMarks }))
)
const EmailMarks = lazy(() =>
  import('./contact_marks').then((marks) => ({ default: marks.EmailMarks }))
)

/**
 * A gestión or a channel event changed a client's alerts: every badge of it asks again. One
 * subscription for the whole shell (the header is always there), not one per badge: a screen
 * may show a hundred names.
 */
function AlertsLive() {
  const user = useSessionUser()
  useSubscription({
    channel: `users/${user?.id ?? 0}`,
    types: ['collections-alerts.changed'],
    enabled: Boolean(user),
    onLiveEvent: (event) => alertsChanged(Number(event.payload?.clientId)),
  })
  return null
}

/**
 * A5: beside the client's name (`client.header.badges`): its page, the caller-ID matches, the
 * agenda, the shared queue. Badges shown together are asked in one request (alerts_api).
 */
function HeaderBadges({ client }: { client: { id: number } }) {
  return (
    <Suspense fallback={null}>
      <AlertBadges clientId={Number(client.id)} />
    </Suspense>
  )
}

/** A5/A6: the "Alerta" column of the clients list (`clients.list.columns`), after the name. */
function AlertCell({ record }: { record: Record<string, unknown> }) {
  return (
    <Suspense fallback={null}>
      <AlertBadges clientId={Number(record.id)} />
    </Suspense>
  )
}
AlertCell.columnTitle = MESSAGES['column.title']
AlertCell.columnAfter = 'last_name'

/** Seed 003: the phone or e-mail with the problem is itself marked in Contactos. */
function PhoneMarkCell(props: { record: Record<string, unknown> }) {
  return (
    <Suspense fallback={null}>
      <PhoneMarks {...props} />
    </Suspense>
  )
}
PhoneMarkCell.columnTitle = MESSAGES['column.title']
PhoneMarkCell.columnAfter = 'e164'

function EmailMarkCell(props: { record: Record<string, unknown> }) {
  return (
    <Suspense fallback={null}>
      <EmailMarks {...props} />
    </Suspense>
  )
}
EmailMarkCell.columnTitle = MESSAGES['column.title']
EmailMarkCell.columnAfter = 'email'

/** A8: a saved segment as the filter of the clients list and of Asignaciones. */
function SegmentSourceSlot(props: FilterSourceProps) {
  return (
    <Suspense fallback={null}>
      <SegmentSource {...props} />
    </Suspense>
  )
}

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

/** A5: the contactability indicators (Estadísticas). */
function ContactabilityRoute() {
  return (
    <Suspense fallback={<Spin />}>
      <ContactabilityPage />
    </Suspense>
  )
}

export default definePluginAdmin({
  routes: [
    { path: '/segmentos', element: SegmentsRoute },
    { path: '/cobranzas/contactabilidad', element: ContactabilityRoute },
  ],
  slots: {
    'header.badges': [AlertsLive],
    'client.header.badges': [HeaderBadges],
    'clients.list.columns': [AlertCell],
    'client_phones.list.columns': [PhoneMarkCell],
    'client_emails.list.columns': [EmailMarkCell],
    'clients.filters.sources': [SegmentSourceSlot],
    'client.tabs': [PortfolioSlot],
    'ca_debts.list.columns': [DaysOverdueCell],
  },
})
