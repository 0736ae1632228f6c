import { Drawer } from 'antd'
import type { ClientSlotProps } from './definitions'
import ScriptTab from './script_tab'
import { useMessages } from './use_messages'

/**
 * The script beside the client form (S3, seed 001): a drawer without a mask, so the agent keeps
 * typing in the card or recording the gestión while reading it.
 */
export default function ScriptDrawer(props: ClientSlotProps & { onClose: () => void }) {
  const t = useMessages()
  return (
    <Drawer
      open
      mask={false}
      width={440}
      title={t('tab.title')}
      onClose={props.onClose}
      data-testid="speech-drawer"
    >
      <ScriptTab clientId={props.clientId} client={props.client} />
    </Drawer>
  )
}
