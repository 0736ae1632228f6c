import { Button, Result } from 'antd'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { metaStore, useAdminMeta } from '../meta/meta_store'
import { PageSpinner } from './page_spinner'

/**
 * The signed-in shell is drawn from `/api/meta` (menu, permissions, plugin pages); nothing
 * renders before it arrives, so no screen flashes content the user is not allowed to see.
 */
export function MetaGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { meta, error } = useAdminMeta()

  useEffect(() => {
    // Failures land in the store's snapshot and are shown below.
    if (!meta && !error) metaStore.load().catch(() => {})
  }, [meta, error])

  if (meta) return children
  if (error) {
    return (
      <Result
        status="error"
        title={t('errors.metaFailed')}
        subTitle={error.statusCode === 0 ? t('errors.network') : error.message}
        extra={
          <Button type="primary" onClick={() => metaStore.reload().catch(() => {})}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  }
  return <PageSpinner fullScreen />
}
