import { Alert } from 'antd'
import { Trans, useTranslation } from 'react-i18next'
import { useLocalize } from '../../../i18n/localized_text'
import { labelInSentence } from '../../../i18n/wording'
import type { ResourceDescription, ResourceFieldDescription } from '../../../meta/admin_meta'
import { FieldValue } from '../../fields/field_value'
import { useUserLocale } from '../../fields/use_user_locale'

interface BulkEditConfirmationProps {
  resource: ResourceDescription
  field: ResourceFieldDescription
  /** The value as it will be sent: null or empty clears the field. */
  value: unknown
  count: number
}

function clears(value: unknown) {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

/**
 * The sentence a supervisor reads before many records change at once, naming the field, the new
 * value as the list will show it, and how many records: "Cambiar Estado a «Contactado» en 12
 * clientes".
 */
export function BulkEditConfirmation({ resource, field, value, count }: BulkEditConfirmationProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { locale } = useUserLocale()
  const names = {
    field: localize(field.label),
    items: labelInSentence(localize(resource.label), locale),
  }
  const sentence = clears(value) ? (
    t('resources.bulkEdit.confirmClear', { count, ...names })
  ) : (
    <Trans
      t={t}
      i18nKey="resources.bulkEdit.confirm"
      count={count}
      values={names}
      components={{ value: <FieldValue field={field} value={value} /> }}
    />
  )
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="bulk-edit-confirmation"
      message={sentence}
      description={t('resources.bulkEdit.allOrNothing')}
    />
  )
}
