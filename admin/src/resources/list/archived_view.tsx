import type { CrudFilter } from '@refinedev/core'
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResourceDescription } from '../../meta/admin_meta'
import { ARCHIVED_FIELD, activeOnly } from '../archived'

/** Which records an archivable resource's list shows; the active ones unless asked. */
export type ArchivedView = 'active' | 'archived' | 'all'

const NONE: CrudFilter[] = []
const ARCHIVED: CrudFilter[] = [{ field: ARCHIVED_FIELD, operator: 'nnull', value: true }]

/** The list's condition for a view: none for a resource that is not archivable. */
export function archivedViewFilters(resource: ResourceDescription, view: ArchivedView) {
  if (!resource.archivable || view === 'all') return NONE
  return view === 'active' ? activeOnly(resource) : ARCHIVED
}

/** The switch between active, archived and all records, shown only for archivable resources. */
export function ArchivedViewSwitch({
  resource,
  value,
  onChange,
}: {
  resource: ResourceDescription
  value: ArchivedView
  onChange: (view: ArchivedView) => void
}) {
  const { t } = useTranslation()
  if (!resource.archivable) return null
  return (
    <Segmented<ArchivedView>
      data-testid="archived-view"
      value={value}
      onChange={onChange}
      options={[
        { value: 'active', label: t('resources.archive.viewActive') },
        { value: 'archived', label: t('resources.archive.viewArchived') },
        { value: 'all', label: t('resources.archive.viewAll') },
      ]}
    />
  )
}
