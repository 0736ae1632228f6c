import { FileTextOutlined } from '@ant-design/icons'
import { definePluginAdmin, useLocalize } from '@tablero/admin'
import { Button, Spin } from 'antd'
import { lazy, Suspense, useState } from 'react'
import type { ClientSlotProps } from './definitions'

/*
 * The module itself stays tiny: the shell downloads it for every signed-in user while the plugin
 * is enabled. The editor pages (TipTap) and the agent's script are fetched when first shown.
 */
const ScriptsPage = lazy(() => import('./scripts_page'))
const ScriptEditorPage = lazy(() => import('./script_editor_page'))
const ScriptTab = lazy(() => import('./script_tab'))
const ScriptDrawer = lazy(() => import('./script_drawer'))

/** Slots render inside core screens, which have no Suspense boundary of their own. */
function ScriptSlot(props: ClientSlotProps) {
  return (
    <Suspense fallback={<Spin />}>
      <ScriptTab {...props} />
    </Suspense>
  )
}
/** The client page names a plugin's tab after `tabTitle`. */
ScriptSlot.tabTitle = { es: 'Speech', en: 'Script' }

/** "Speech" in the client header: opens the script in a side drawer, whatever tab is shown. */
function ScriptButton(props: ClientSlotProps) {
  const localize = useLocalize()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        icon={<FileTextOutlined />}
        onClick={() => setOpen(!open)}
        data-testid="speech-open-drawer"
      >
        {localize(ScriptSlot.tabTitle)}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ScriptDrawer {...props} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}

/** Admin half of speech: the supervisor's script editor and the agent's script (S1–S4). */
export default definePluginAdmin({
  routes: [
    { path: '/speech', element: ScriptsPage },
    { path: '/speech/new', element: ScriptEditorPage },
    { path: '/speech/:scriptId', element: ScriptEditorPage },
  ],
  slots: { 'client.tabs': [ScriptSlot], 'client.actions': [ScriptButton] },
})
