import { definePluginAdmin } from '@tablero/admin'
import { Spin } from 'antd'
import { lazy, Suspense, type ComponentProps } from 'react'
import { MESSAGES } from './messages'

/*
 * The module stays tiny (the shell downloads it for every signed-in user while the plugin is
 * enabled); the tab and the bulk modal are fetched when first shown.
 */
const WalletTab = lazy(() => import('./wallet_tab'))
const BulkToggle = lazy(() => import('./bulk_toggle'))
const WalletColumn = lazy(() => import('./wallet_column'))

/** Slots render inside core screens, which have no Suspense boundary of their own. */
function WalletSlot(props: ComponentProps<typeof WalletTab>) {
  return (
    <Suspense fallback={<Spin />}>
      <WalletTab {...props} />
    </Suspense>
  )
}
WalletSlot.tabTitle = MESSAGES['tab.title']

function BulkSlot(props: ComponentProps<typeof BulkToggle>) {
  return (
    <Suspense fallback={null}>
      <BulkToggle {...props} />
    </Suspense>
  )
}

function WalletCell(props: ComponentProps<typeof WalletColumn>) {
  return (
    <Suspense fallback={null}>
      <WalletColumn {...props} />
    </Suspense>
  )
}
WalletCell.columnTitle = MESSAGES['tab.title']

/** Admin half of TuBolsillo: the client page's wallet tab (W1–W3) and the list's bulk toggle (W2). */
export default definePluginAdmin({
  slots: {
    'client.tabs': [WalletSlot],
    'clients.list.bulkActions': [BulkSlot],
    'clients.list.columns': [WalletCell],
  },
})
