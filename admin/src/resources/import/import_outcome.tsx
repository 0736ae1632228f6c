import { Alert, Flex, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useUserLocale } from '../fields/use_user_locale'
import { ImportErrorsTable } from './import_errors_table'
import type { ImportJob } from './import_job'
import { formatCount } from '../../i18n/wording'

interface ImportOutcomeProps {
  job: ImportJob
  /** The resource's label as it reads inside a sentence ("clientes"). */
  noun: string
  errorsUrl: string
}

/** The file was refused as a whole: what is wrong, and that nothing was written. */
function InvalidOutcome({ job, errorsUrl }: ImportOutcomeProps) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const count = Math.max(job.errorCount, job.errors.length)
  return (
    <Flex vertical gap={12} data-testid="import-invalid">
      <Alert
        type="error"
        showIcon
        message={t('resources.import.invalid', { count, total: formatCount(count, locale) })}
        description={t('resources.import.nothingWritten')}
      />
      <ImportErrorsTable job={job} errorsUrl={errorsUrl} />
    </Flex>
  )
}

/** What was created, and which rows were left out and why. */
function DoneOutcome({ job, noun, errorsUrl }: ImportOutcomeProps) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const created = t('resources.import.created', {
    count: job.createdRows,
    total: formatCount(job.createdRows, locale),
    label: noun,
  })
  const skipped = t('resources.import.notImported', {
    count: job.errorCount,
    total: formatCount(job.errorCount, locale),
  })
  return (
    <Flex vertical gap={12} data-testid="import-done">
      <Result
        status={job.errorCount > 0 ? 'warning' : 'success'}
        title={t('resources.import.doneTitle')}
        subTitle={<span data-testid="import-done-summary">{created}</span>}
        style={{ padding: '16px 0' }}
      />
      {job.errorCount > 0 && (
        <>
          <Alert type="warning" showIcon message={skipped} data-testid="import-not-imported" />
          <ImportErrorsTable job={job} errorsUrl={errorsUrl} />
        </>
      )}
    </Flex>
  )
}

/** The server stopped: its reason, and what had been written by then. */
function StoppedOutcome({ job, noun }: ImportOutcomeProps) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const interrupted = job.status === 'interrupted'
  const soFar =
    job.createdRows > 0
      ? t('resources.import.createdSoFar', {
          count: job.createdRows,
          total: formatCount(job.createdRows, locale),
          label: noun,
        })
      : null
  return (
    <Alert
      type={interrupted ? 'warning' : 'error'}
      showIcon
      data-testid={`import-${job.status}`}
      message={t(interrupted ? 'resources.import.interrupted' : 'resources.import.failed')}
      description={
        <Flex vertical gap={4}>
          {job.message && <span data-testid="import-message">{job.message}</span>}
          {soFar && <span>{soFar}</span>}
          {interrupted && <span>{t('resources.import.resumeHelp')}</span>}
        </Flex>
      }
    />
  )
}

/** The end of an import, or of its validation: invalid, done, failed or interrupted. */
export function ImportOutcome(props: ImportOutcomeProps) {
  switch (props.job.status) {
    case 'invalid':
      return <InvalidOutcome {...props} />
    case 'done':
      return <DoneOutcome {...props} />
    default:
      return <StoppedOutcome {...props} />
  }
}
