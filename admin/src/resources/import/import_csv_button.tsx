import { UploadOutlined } from '@ant-design/icons'
import { useInvalidate } from '@refinedev/core'
import { Button } from 'antd'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResourceDescription } from '../../meta/admin_meta'

/** The import screen is downloaded when first opened, not with every list. */
const ImportCsvModal = lazy(() => import('./import_csv_modal'))

/**
 * "Importar CSV" on a resource list, for users who may both import and create its records
 * (an import only creates). The list is refreshed once the modal closes on rows written.
 */
export function ImportCsvButton({ resource }: { resource: ResourceDescription }) {
  const { t } = useTranslation()
  const invalidate = useInvalidate()
  const [open, setOpen] = useState(false)

  if (!resource.actions.import || !resource.actions.create) return null

  const close = (started: boolean) => {
    setOpen(false)
    if (!started) return
    void invalidate({ resource: resource.name, invalidates: ['list', 'many'] })
  }

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-csv">
        {t('resources.import.button')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ImportCsvModal resource={resource} onClose={close} />
        </Suspense>
      )}
    </>
  )
}
