import { Flex, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useUserLocale } from '../fields/use_user_locale'
import type { ImportJob } from './import_job'
import { formatCount } from '../../i18n/wording'

interface ImportProgressProps {
  job: ImportJob
  /** Which counter moves: rows checked while validating, rows written while importing. */
  phase: 'validation' | 'import'
}

/**
 * How far the server got. Until it has counted the file's rows the bar only shows that work is
 * going on, with the rows done so far.
 */
export function ImportProgress({ job, phase }: ImportProgressProps) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const done = phase === 'validation' ? job.validatedRows : job.processedRows
  const total = job.totalRows
  const known = total !== null && total > 0
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : 100
  const values = { done: formatCount(done, locale), total: formatCount(total ?? 0, locale) }

  return (
    <Flex vertical gap={8} data-testid={`import-progress-${phase}`}>
      <Typography.Text strong>{t(`resources.import.progress.${phase}.running`)}</Typography.Text>
      <Progress
        percent={percent}
        status="active"
        showInfo={known}
        data-testid="import-progress"
        data-indeterminate={known ? undefined : 'true'}
      />
      <Typography.Text type="secondary" data-testid="import-progress-rows">
        {known
          ? t(`resources.import.progress.${phase}.rows`, values)
          : t(`resources.import.progress.${phase}.rowsSoFar`, values)}
      </Typography.Text>
    </Flex>
  )
}
