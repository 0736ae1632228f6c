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

/** Slots render inside core screens, which have no Suspense boundary of their own. */
function GestionSlot(props: ClientSlotProps) {
  return (
    <Suspense fallback={<Spin />}>
      <GestionTab {...props} />
    </Suspense>
  )
}
/** The client page names a plugin's tab after `tabTitle`. */
GestionSlot.tabTitle = { es: 'Gestión', en: 'Call outcome' }

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

/** Admin half of tipificaciones: result trees, statistics and the agent's gestión panel. */
export default definePluginAdmin({
  routes: [
    { path: '/tipificaciones', element: ResultsPage },
    { path: '/tipificaciones/estadisticas', element: StatsPage },
  ],
  slots: {
    'client.tabs': [GestionSlot],
    'home.agent': [
      homeCard(() => import('./home/due_callbacks_card')),
      homeCard(() => import('./home/recent_gestiones_card')),
    ],
    'home.supervisor': [
      homeCard(() => import('./home/gestiones_by_agent_card')),
      homeCard(() => import('./home/callbacks_overview_card')),
    ],
  },
})
