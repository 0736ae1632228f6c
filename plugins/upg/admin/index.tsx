import { definePluginAdmin } from '@tablero/admin'
import { Spin } from 'antd'
import { lazy, Suspense, type ComponentProps } from 'react'
import { MESSAGES } from './messages'

/*
 * The module stays tiny (the shell downloads it for every signed-in user while the plugin is
 * enabled); the tab and the search page are fetched when first shown.
 */
const UpgTab = lazy(() => import('./upg_tab'))
const FraudPage = lazy(() => import('./fraud_page'))

/** Slots render inside core screens, which have no Suspense boundary of their own. */
function UpgSlot(props: ComponentProps<typeof UpgTab>) {
  return (
    <Suspense fallback={<Spin />}>
      <UpgTab {...props} />
    </Suspense>
  )
}
UpgSlot.tabTitle = MESSAGES['tab.title']

function FraudRoute() {
  return (
    <Suspense fallback={<Spin />}>
      <FraudPage />
    </Suspense>
  )
}

/** Admin half of UPG: the client page's tab (U1–U3) and the supervisors' anti-fraud page (U4). */
export default definePluginAdmin({
  routes: [{ path: '/upg/antifraude', element: FraudRoute }],
  slots: { 'client.tabs': [UpgSlot] },
})
