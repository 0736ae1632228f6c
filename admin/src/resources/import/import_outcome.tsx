import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Flex, Result, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useUserLocale } from '../fields/use_user_locale'
import { ImportErrorsTable } from './import_errors_table'
import { validRows, type ImportJob } from './import_job'
import { UpdateCounts } from './import_update_confirmation'
import { formatCount } from '../../i18n/wording'

interface ImportOutcomeProps {
  job: ImportJob
  /** The resource's label as it reads inside a sentence ("clientes"). */
  noun: string
  errorsUrl: string
  /** The rows not imported, as the file had them, with their errors: to fix and upload again. */
  rejectedUrl: string
}

/** The rows that were not imported, to fix and upload again. */
function RejectedDownload({ job, rejectedUrl }: Pick<ImportOutcomeProps, 'job' | 'rejectedUrl'>) {
  const { t } = useTranslation()
  if (!job.rejectedFile) return null
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Text type="secondary">{t('importMode.rejectedHelp')}</Typography.Text>
      <Button
        icon={<DownloadOutlined />}
        href={rejectedUrl}
        download
        data-testid="import-rejected-download"
      >
        {t('importMode.downloadRejected')}
      </Button>
    </Flex>
  )
}

/**
 * Some rows were refused: what is wrong, that nothing was written yet, and (when some rows are
 * valid) that confirming imports those and leaves the others out.
 */
function InvalidOutcome({ job, noun, errorsUrl, rejectedUrl }: ImportOutcomeProps) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const count = Math.max(job.errorCount, job.errors.length)
  const valid = validRows(job)
  const rejected = job.rejectedRows ?? count
  return (
    <Flex vertical gap={12} data-testid="import-invalid">
      {valid > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-partial"
          message={t('importMode.partial', {
            count: rejected,
            total: formatCount(rejected, locale),
          })}
          description={
            <Flex vertical gap={4}>
              {job.mode === 'update' && <UpdateCounts job={job} noun={noun} valid={valid} />}
              <span>
                {t('importMode.partialValid', { count: valid, total: formatCount(valid, locale) })}
              </span>
            </Flex>
          }
        />
      ) : (
        <Alert
          type="error"
          showIcon
          message={t('resources.import.invalid', { count, total: formatCount(count, locale) })}
          description={t('resources.import.nothingWritten')}
        />
      )}
      <ImportErrorsTable job={job} errorsUrl={errorsUrl} />
      <RejectedDownload job={job} rejectedUrl={rejectedUrl} />
    </Flex>
  )
}

/** What was created (and updated), and which rows were left out and why. */
function DoneOutcome({ job, noun, errorsUrl, rejectedUrl }: ImportOutcomeProps) {
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
        subTitle={
          <span data-testid="import-done-summary">
            {created}
            {job.mode === 'update' &&
              ` ${t('importMode.updated', {
                count: job.updatedRows ?? 0,
                total: formatCount(job.updatedRows ?? 0, locale),
              })}`}
          </span>
        }
        style={{ padding: '16px 0' }}
      />
      {job.errorCount > 0 && (
        <>
          <Alert type="warning" showIcon message={skipped} data-testid="import-not-imported" />
          <ImportErrorsTable job={job} errorsUrl={errorsUrl} />
          <RejectedDownload job={job} rejectedUrl={rejectedUrl} />
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
