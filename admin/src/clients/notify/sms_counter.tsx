import type { SmsLength } from '@tablero/shared/sms_length'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * The live length of an SMS as the carrier counts it, with its encoding: "45/160 · GSM-7", or
 * "72/70 · UCS-2 (caracteres no GSM: á)" so the agent sees which letter cost 90 characters.
 */
export function SmsCounter({ counted }: { counted: SmsLength }) {
  const { t } = useTranslation()
  const { length, limit, encoding, nonGsm, fits } = counted
  const text =
    encoding === 'UCS-2'
      ? t('clients.notify.smsCountUcs2', { length, limit, chars: nonGsm.slice(0, 5).join(' ') })
      : t('clients.notify.smsCount', { length, limit, encoding })
  return (
    <Typography.Text type={fits ? 'secondary' : 'danger'} data-testid="notify-sms-count">
      {text}
    </Typography.Text>
  )
}
