import { StopOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Tooltip, Typography } from 'antd'
import type { Status } from './definitions'
import { useMessages } from './use_messages'

interface RetireRestoreButtonProps {
  status: Status
  /** The question, e.g. "Retire field “Segment”?". */
  question: string
  /** Why it is safe: values are kept and come back on restore. */
  explanation: string
  onRetire: () => Promise<unknown>
  onRestore: () => Promise<unknown>
  /** Icon only, with the action as tooltip (table rows short of room). */
  compact?: boolean
  testId: string
}

/**
 * Retiring hides without deleting, so it asks first and says that values are kept; restoring
 * only brings things back, so it does not ask.
 */
export function RetireRestoreButton(props: RetireRestoreButtonProps) {
  const t = useMessages()
  const { status, compact, testId } = props

  if (status === 'retired') {
    const label = t('common.restore')
    return (
      <Tooltip title={compact ? label : undefined}>
        <Button
          size={compact ? 'small' : 'middle'}
          icon={<UndoOutlined />}
          aria-label={label}
          data-testid={`restore-${testId}`}
          onClick={() => props.onRestore().catch(() => {})}
        >
          {compact ? null : label}
        </Button>
      </Tooltip>
    )
  }

  const label = t('common.retire')
  return (
    <Popconfirm
      title={props.question}
      description={
        <Typography.Paragraph style={{ maxWidth: 340, marginBottom: 0 }}>
          {props.explanation}
        </Typography.Paragraph>
      }
      okText={label}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() => props.onRetire().catch(() => {})}
    >
      <Tooltip title={compact ? label : undefined}>
        <Button
          danger
          size={compact ? 'small' : 'middle'}
          icon={<StopOutlined />}
          aria-label={label}
          data-testid={`retire-${testId}`}
        >
          {compact ? null : label}
        </Button>
      </Tooltip>
    </Popconfirm>
  )
}
