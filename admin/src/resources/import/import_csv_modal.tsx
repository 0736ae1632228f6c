import { Alert, App, Button, Flex, Modal, Steps, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { useUserLocale } from '../fields/use_user_locale'
import { validRows, type ImportJob } from './import_job'
import { UpdateConfirmation } from './import_update_confirmation'
import { ImportOutcome } from './import_outcome'
import { ImportProgress } from './import_progress'
import { ImportUploadStep } from './import_upload_step'
import { formatCount, labelInSentence } from '../../i18n/wording'
import { useImportJob, type ImportFlow } from './use_import_job'
import { errorMessage } from '../../feedback/error_message'

const STEP_KEYS = ['file', 'validation', 'confirmation', 'import'] as const

/** Where the job stands on the four steps, and whether that step went wrong. */
function stepOf(job: ImportJob | null, started: boolean) {
  if (!job) return { current: 0, status: 'process' as const }
  switch (job.status) {
    case 'validating':
      return { current: 1, status: 'process' as const }
    case 'invalid':
      // Some rows are valid: the user may confirm importing only those.
      return validRows(job) > 0
        ? { current: 2, status: 'process' as const }
        : { current: 1, status: 'error' as const }
    case 'ready':
      return { current: 2, status: 'process' as const }
    case 'importing':
      return { current: 3, status: 'process' as const }
    case 'done':
      return { current: 3, status: 'finish' as const }
    default:
      // A job that fails before anyone confirmed failed while validating.
      return { current: started || job.processedRows > 0 ? 3 : 1, status: 'error' as const }
  }
}

interface StepBodyProps {
  flow: ImportFlow
  job: ImportJob
  resource: ResourceDescription
  noun: string
}

function StepBody({ flow, job, resource, noun }: StepBodyProps) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  switch (job.status) {
    case 'validating':
      return <ImportProgress job={job} phase="validation" />
    case 'importing':
      return (
        <Flex vertical gap={16}>
          <ImportProgress job={job} phase="import" />
          <Alert type="info" showIcon message={t('resources.import.continuesOnServer')} />
        </Flex>
      )
    case 'ready': {
      const count = job.totalRows ?? job.validatedRows
      return (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            {t('resources.import.checked', { name: job.filename })}
          </Typography.Text>
          <Alert
            type="info"
            showIcon
            data-testid="import-confirm"
            message={
              job.mode === 'update' ? (
                <UpdateConfirmation job={job} resource={resource} noun={noun} valid={count} />
              ) : (
                t('resources.import.confirm', {
                  count,
                  total: formatCount(count, locale),
                  label: noun,
                })
              )
            }
          />
        </Flex>
      )
    }
    default:
      return (
        <ImportOutcome
          job={job}
          noun={noun}
          errorsUrl={flow.api.errorsUrl(job.id)}
          rejectedUrl={flow.api.rejectedUrl(job.id)}
        />
      )
  }
}

/** The buttons for where the job stands; closing is always possible and never stops it. */
function footerFor(flow: ImportFlow, close: () => void, t: (key: string) => string): ReactNode {
  const { job } = flow
  const closeButton = (
    <Button key="close" onClick={close} data-testid="import-close">
      {t('resources.import.close')}
    </Button>
  )
  const again = (
    <Button key="again" onClick={flow.reset} data-testid="import-again">
      {t('resources.import.chooseAnother')}
    </Button>
  )
  const primary = (key: string, label: string) => (
    <Button
      key={key}
      type="primary"
      loading={flow.starting}
      onClick={() => void flow.start()}
      data-testid={`import-${key}`}
    >
      {label}
    </Button>
  )
  switch (job?.status) {
    case 'invalid':
      if (validRows(job) === 0) return [again, closeButton]
      return [
        again,
        closeButton,
        <Button
          key="start-valid"
          type="primary"
          loading={flow.starting}
          onClick={() => void flow.start(true)}
          data-testid="import-start-valid"
        >
          {t('importMode.startValid')}
        </Button>,
      ]
    case 'ready':
      return [again, closeButton, primary('start', t('resources.import.start'))]
    case 'interrupted':
      return [closeButton, primary('resume', t('resources.import.resume'))]
    case 'failed':
      return flow.started ? [closeButton] : [again, closeButton]
    default:
      return [closeButton]
  }
}

interface ImportCsvModalProps {
  resource: ResourceDescription
  /** `started`: rows may have been written, so the list behind should be refreshed. */
  onClose: (started: boolean) => void
}

/**
 * The generic CSV import (file → validation → confirmation → import) of any resource whose
 * metadata allows it. Nothing is written before the user confirms a file the server found
 * valid as a whole; once writing, the job runs on the server whether this stays open or not.
 */
export default function ImportCsvModal({ resource, onClose }: ImportCsvModalProps) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const localize = useLocalize()
  const { locale } = useUserLocale()
  const flow = useImportJob(resource.name)
  const label = localize(resource.label)
  const noun = labelInSentence(label, locale)
  const { job } = flow
  const step = stepOf(job, flow.started)

  const close = () => {
    if (job?.status === 'importing') {
      notification.info({ message: t('resources.import.continuesNotice') })
    }
    onClose(flow.started)
  }

  return (
    <Modal
      open
      width={760}
      title={t('resources.import.title', { label })}
      onCancel={close}
      maskClosable={false}
      footer={footerFor(flow, close, t)}
    >
      <Flex vertical gap={20} data-testid="import-modal-body" data-status={job?.status ?? 'file'}>
        <Steps
          size="small"
          current={step.current}
          status={step.status}
          items={STEP_KEYS.map((key) => ({ title: t(`resources.import.steps.${key}`) }))}
        />
        {job ? (
          <StepBody flow={flow} job={job} resource={resource} noun={noun} />
        ) : (
          <ImportUploadStep flow={flow} asBase={resource.importsAsBases} resource={resource} />
        )}
        {Boolean(flow.startError) && (
          <Alert
            type="error"
            showIcon
            data-testid="import-start-error"
            message={errorMessage(flow.startError)}
          />
        )}
        {Boolean(flow.pollError) && (
          <Alert
            type="warning"
            showIcon
            message={t(
              flow.pollStopped ? 'resources.import.pollStopped' : 'resources.import.pollFailed'
            )}
            description={errorMessage(flow.pollError)}
          />
        )}
      </Flex>
    </Modal>
  )
}
