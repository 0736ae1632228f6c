import { definePluginAdmin, type HomeWidgetProps } from '@tablero/admin'
import { Card, Spin } from 'antd'
import { type ComponentType, lazy, Suspense } from 'react'
import type { ClientSlotProps } from './definitions'

/*
 * The module itself stays tiny: the shell downloads it for every signed-in user while the plugin
 * is enabled. Pages and the client panel are fetched when first shown; the statistics charts
 * (G2, through the SDK's lazy G2Chart) only when the statistics page draws one.
 */
const ResultsPage = lazy(() => import('./results_page'))
const StatsPage = lazy(() => import('./stats_page'))
const GestionTab = lazy(() => import('./gestion_tab'))
const AgendaPage = lazy(() => import('./agenda_page'))
const DueBadge = lazy(() => import('./due_badge'))

/** The agent's due count in the shell's header (fetched with the first page an agent opens). */
function DueBadgeSlot() {
  return (
    <Suspense fallback={null}>
      <DueBadge />
    </Suspense>
  )
}

/** Slots render inside core screens, which have no Suspense boundary of their own. */
function GestionSlot(props: ClientSlotProps) {
  return (
    <Suspense fallback={<Spin />}>
      <GestionTab {...props} />
    </Suspense>
  )
}

/** A home card fetched when the home page first draws it, a loading card meanwhile. */
function homeCard(load: () => Promise<{ default: ComponentType<HomeWidgetProps> }>) {
  const Widget = lazy(load)
  return function HomeCard(props: HomeWidgetProps) {
    return (
      <Suspense fallback={<Card loading />}>
        <Widget {...props} />
      </Suspense>
    )
  }
}

/**
 * Admin half of tipificaciones: result trees, statistics, the agent's gestión panel in the
 * client's Info tab beside its data (seed 001 "Agente → Info"), history and callbacks included,
 * the Agenda and the header's due count.
 */
export default definePluginAdmin({
  routes: [
    { path: '/tipificaciones', element: ResultsPage },
    { path: '/tipificaciones/estadisticas', element: StatsPage },
    { path: '/agenda', element: AgendaPage },
  ],
  slots: {
    'client.info': [GestionSlot],
    'header.badges': [DueBadgeSlot],
    'home.agent': [
      homeCard(() => import('./home/due_callbacks_card')),
      homeCard(() => import('./home/recent_gestiones_card')),
    ],
    'home.agent.queue': [homeCard(() => import('./home/shared_queue_card'))],
    'home.supervisor': [
      homeCard(() => import('./home/gestiones_by_agent_card')),
      homeCard(() => import('./home/callbacks_overview_card')),
    ],
  },
})
