import type { AssignmentCounts, AssignmentSelection } from '@tablero/admin'
import { useHasPermission } from '@tablero/admin'
import { Button, Tooltip } from 'antd'
import { PhoneOutlined } from '@ant-design/icons'
import { useNavigate } from 'react-router'
import type { FromAssignments } from './dialer_api'
import { useMessages } from './use_messages'

interface Props {
  selection: AssignmentSelection | null
  counts: AssignmentCounts | null
}

/**
 * Asignaciones' "Ir a Marcador" (seed 001): takes the clients of the current search to the
 * Marcador page, where the supervisor names the list and uploads it.
 */
export default function GoToDialer({ selection, counts }: Props) {
  const t = useMessages()
  const navigate = useNavigate()
  const allowed = useHasPermission('dialer.manage')
  if (!allowed) return null
  const state: FromAssignments | null = selection
    ? { selection, matched: counts?.matched ?? null }
    : null
  return (
    <Tooltip title={t('goto.help')}>
      <Button
        icon={<PhoneOutlined />}
        disabled={!state || counts?.matched === 0}
        onClick={() => navigate('/marcador', { state })}
        data-testid="go-to-dialer"
      >
        {t('goto.button')}
      </Button>
    </Tooltip>
  )
}
