import { InfoCircleOutlined } from '@ant-design/icons'
import { Button, Popover, Typography } from 'antd'
import { RESULT_ACTIONS } from './definitions'
import { useMessages } from './use_messages'

/** Seed 001's "information button": what each dialer action does, for the supervisor. */
export function ActionHelp() {
  const t = useMessages()
  const content = (
    <dl style={{ maxWidth: 380, margin: 0 }}>
      {RESULT_ACTIONS.map((action) => (
        <div key={action} style={{ marginBottom: 8 }}>
          <dt>
            <Typography.Text strong>{t(`action.${action}`)}</Typography.Text>
          </dt>
          <dd style={{ margin: 0 }}>{t(`actionHelp.${action}`)}</dd>
        </div>
      ))}
    </dl>
  )
  return (
    <Popover title={t('results.actionsHelp')} content={content} trigger="click">
      <Button icon={<InfoCircleOutlined />} data-testid="actions-help">
        {t('results.actionsHelp')}
      </Button>
    </Popover>
  )
}
