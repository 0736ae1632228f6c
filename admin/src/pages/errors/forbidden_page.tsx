import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { BackHomeButton } from './back_home_button'

/** Shown instead of a screen the user's role may not use, whether the shell or the API said so. */
export function ForbiddenPage() {
  const { t } = useTranslation()
  return (
    <div data-testid="forbidden-page">
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={t('errors.forbiddenText')}
        extra={<BackHomeButton />}
      />
    </div>
  )
}
