import { CheckCircleOutlined, StarOutlined } from '@ant-design/icons'
import { useInvalidate, useUpdate } from '@refinedev/core'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'

type Row = Record<string, unknown>

/**
 * "Set primary" and "mark verified" on a phone (C3). Making a phone primary also changes the
 * client card (its primary phone and country), so the card is fetched again.
 */
export function PhoneRowActions({ phone, clientId }: { phone: Row; clientId: number }) {
  const { t } = useTranslation()
  const invalidate = useInvalidate()
  const { mutate, mutation } = useUpdate()

  const change = (values: Row, message: string) =>
    mutate(
      {
        resource: 'client_phones',
        id: phone.id as number,
        values,
        successNotification: () => ({ type: 'success', message }),
        errorNotification: (error) => ({ type: 'error', message: error?.message ?? '' }),
      },
      {
        onSuccess: () =>
          void invalidate({ resource: 'clients', id: clientId, invalidates: ['detail', 'list'] }),
      }
    )

  return (
    <>
      {!phone.is_primary && (
        <Button
          type="link"
          size="small"
          icon={<StarOutlined />}
          loading={mutation.isPending}
          data-testid="phone-set-primary"
          onClick={() => change({ is_primary: true }, t('clients.phones.primarySet'))}
        >
          {t('clients.phones.setPrimary')}
        </Button>
      )}
      {!phone.verified && (
        <Button
          type="link"
          size="small"
          icon={<CheckCircleOutlined />}
          data-testid="phone-verify"
          onClick={() => change({ verified: true }, t('clients.phones.verifiedSet'))}
        >
          {t('clients.phones.verify')}
        </Button>
      )}
    </>
  )
}
