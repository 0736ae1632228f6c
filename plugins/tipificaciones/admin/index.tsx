import { definePluginAdmin } from '@tablero/admin'
import { Spin } from 'antd'
import { lazy, Suspense } from 'react'
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

/**
 * Admin half of tipificaciones: result trees, statistics and the agent's gestión panel, in the
 * client's Info tab beside its data (seed 001 "Agente → Info"), history and callbacks included.
 */
export default definePluginAdmin({
  routes: [
    { path: '/tipificaciones', element: ResultsPage },
    { path: '/tipificaciones/estadisticas', element: StatsPage },
  ],
  slots: { 'client.info': [GestionSlot] },
})
