import { Result, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { BackHomeButton } from './back_home_button'

export function NotFoundPage() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  return (
    <div data-testid="not-found-page">
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={
          <>
            {t('errors.notFoundText')} <Typography.Text code>{pathname}</Typography.Text>
          </>
        }
        extra={<BackHomeButton />}
      />
    </div>
  )
}
