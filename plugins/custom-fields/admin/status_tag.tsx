import { Tag } from 'antd'
import type { Status } from './definitions'
import { useMessages } from './use_messages'

/** Active or retired, for profiles and fields alike. */
export function StatusTag({ status }: { status: Status }) {
  const t = useMessages()
  return (
    <Tag color={status === 'active' ? 'green' : 'default'} data-status={status}>
      {t(status === 'active' ? 'status.active' : 'status.retired')}
    </Tag>
  )
}
