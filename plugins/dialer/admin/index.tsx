import { definePluginAdmin, type AssignmentCounts, type AssignmentSelection } from '@tablero/admin'
import { lazy, Suspense } from 'react'

/*
 * The module stays tiny (the shell downloads it for every signed-in user while the plugin is
 * enabled); pages and the Asignaciones button are fetched when first shown.
 */
const ListsPage = lazy(() => import('./lists_page'))
const ConsolePage = lazy(() => import('./console_page'))
const GoToDialer = lazy(() => import('./go_to_dialer'))
const ClickToCall = lazy(() => import('./click_to_call'))
const ScreenPop = lazy(() => import('./screen_pop'))

/** Slots render inside core screens, which have no Suspense boundary of their own. */
function GoToDialerSlot(props: {
  selection: AssignmentSelection | null
  counts: AssignmentCounts | null
}) {
  return (
    <Suspense fallback={null}>
      <GoToDialer {...props} />
    </Suspense>
  )
}

/** The client's "Llamar" button (D6). */
function ClickToCallSlot(props: { client?: Record<string, unknown> | null }) {
  return (
    <Suspense fallback={null}>
      <ClickToCall {...props} />
    </Suspense>
  )
}

/** The screen-pop, heard on every page of the shell (issue 16). */
function ScreenPopSlot() {
  return (
    <Suspense fallback={null}>
      <ScreenPop />
    </Suspense>
  )
}

/** Admin half of the dialer: Marcador for supervisors (lists, D3), the agent's console (D4). */
export default definePluginAdmin({
  routes: [
    { path: '/marcador', element: ListsPage },
    { path: '/marcador/consola', element: ConsolePage },
  ],
  slots: {
    'assignments.actions': [GoToDialerSlot],
    'client.actions': [ClickToCallSlot],
    'shell.live': [ScreenPopSlot],
  },
})
