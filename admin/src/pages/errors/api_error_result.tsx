import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/api_error'
import { ForbiddenPage } from './forbidden_page'
import { NotFoundPage } from './not_found_page'
import { errorMessage } from '../../feedback/error_message'

interface ApiErrorResultProps {
  error: unknown
  /** Offered as a "retry" button for failures that may be temporary. */
  onRetry?: () => void
}

/**
 * The page to show when loading a screen's data failed: the no-permission page for a 403, the
 * 404 page for a missing thing, the backend's own message otherwise. (401s never get here: the
 * shell sends the user to sign in again.)
 */
export function ApiErrorResult({ error, onRetry }: ApiErrorResultProps) {
  const { t } = useTranslation()
  const status = isApiError(error) ? error.statusCode : 0
  if (status === 403) return <ForbiddenPage />
  if (status === 404) return <NotFoundPage />
  const message = status === 0 ? t('errors.network') : errorMessage(error)
  return (
    <div data-testid="api-error">
      <Result
        status="error"
        title={t('errors.genericTitle')}
        subTitle={message}
        extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    </div>
  )
}
