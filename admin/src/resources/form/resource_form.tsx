import { useOne } from '@refinedev/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useLocalize } from '../../i18n/localized_text'
import { ScreenFrame } from '../../layout/screen_frame'
import type { ResourceDescription } from '../../meta/admin_meta'
import { recordTitle } from '../record_title'
import { RecordForm } from './record_form'

/** Field types a link may prefill on a create page (`/r/clients/create?primary_phone=…`). */
const PREFILLED_TYPES = new Set(['text', 'phone', 'email'])

/**
 * The text values a create page's address carries for the resource's fields: the screen-pop
 * opens a new client with the caller's number filled in.
 */
function prefillFrom(resource: ResourceDescription, search: URLSearchParams) {
  const values: Record<string, string> = {}
  for (const field of resource.fields) {
    const value = search.get(field.name)
    if (value && PREFILLED_TYPES.has(field.type) && !field.readOnly) values[field.name] = value
  }
  return values
}

interface ResourceFormProps {
  resource: ResourceDescription
  action: 'create' | 'edit'
  id?: string
}

/** The generated create and edit pages: the record form, then the record's page. */
export default function ResourceForm({ resource, action, id }: ResourceFormProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const navigate = useNavigate()
  const [search] = useSearchParams()
  const label = localize(resource.label)
  // The form loads the record itself; this shares its cache entry to name it in the title.
  const { result: record } = useOne<Record<string, unknown>>({
    resource: resource.name,
    id,
    queryOptions: { enabled: action === 'edit' },
    errorNotification: false,
  })

  const title =
    action === 'create'
      ? t('resources.form.createTitle', { label })
      : t('resources.form.editTitle', { label, title: record ? recordTitle(resource, record) : '' })

  return (
    <ScreenFrame title={title}>
      <div style={{ maxWidth: 720 }}>
        <RecordForm
          resource={resource}
          action={action}
          id={id}
          redirect="show"
          initial={action === 'create' ? prefillFrom(resource, search) : undefined}
          onCancel={() => navigate(-1)}
        />
      </div>
    </ScreenFrame>
  )
}
