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
  slots: { 'client.info': [GestionSlot], 'header.badges': [DueBadgeSlot] },
})
