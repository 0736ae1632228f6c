import { Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { formatCount } from '../../i18n/wording'
import { useUserLocale } from '../fields/use_user_locale'
import type { ImportJob } from './import_job'

/** "1.203 clientes se actualizarán, 97 son nuevos", among the `valid` rows that will be written. */
export function UpdateCounts({
  job,
  noun,
  valid,
}: {
  job: ImportJob
  noun: string
  valid: number
}) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const matched = job.matchedRows ?? 0
  return (
    <span data-testid="import-confirm-update">
      {t('importMode.confirmUpdate', {
        count: matched,
        updated: formatCount(matched, locale),
        created: formatCount(Math.max(0, valid - matched), locale),
        label: noun,
      })}
    </span>
  )
}

/** What an import in update mode will do, asked before it writes, and which fields change. */
export function UpdateConfirmation({
  job,
  resource,
  noun,
  valid,
}: {
  job: ImportJob
  resource: ResourceDescription
  noun: string
  /** rows that will be written (the valid ones) */
  valid: number
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const labelOf = (name: string) => {
    const field = resource.fields.find((candidate) => candidate.name === name)
    return field ? localize(field.label) : name
  }
  return (
    <Flex vertical gap={4}>
      <UpdateCounts job={job} noun={noun} valid={valid} />
      <span>
        {t('importMode.confirmUpdateFields', {
          fields: (job.updateFields ?? []).map(labelOf).join(', '),
        })}
      </span>
    </Flex>
  )
}
