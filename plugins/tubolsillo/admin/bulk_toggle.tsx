import { errorMessage, useHasPermission, type ListBulkActionProps } from '@tablero/admin'
import { Alert, Button, Form, Modal, Progress, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { ToggleFields, type ToggleValues } from './toggle_fields'
import { tubolsilloApi, type BulkReport, type JobRun, type Selection } from './tubolsillo_api'
import { useMessages } from './use_messages'

const POLL_MS = 700

type Phase =
  | { step: 'form' }
  | { step: 'running'; bulkId: number; jobId: number; run: JobRun | null }
  | { step: 'done'; report: BulkReport; run: JobRun }

/**
 * W2, in the clients list's bulk-action slot: toggles the checked clients, or every client of
 * the list's current filter, in a background job. The confirmation states the count the server
 * counted (and the start sends it back: a changed selection is refused); the progress bar
 * follows GET /api/jobs/:id; at the end, the clients the service refused are listed with its
 * error and can be retried.
 */
export default function BulkToggle({ filter, q, selectedIds, done }: ListBulkActionProps) {
  const t = useMessages()
  const mayBulk = useHasPermission('tubolsillo.bulk')
  const mayToggle = useHasPermission('tubolsillo.toggle')
  const allowed = mayBulk && mayToggle
  const [open, setOpen] = useState(false)
  const [count, setCount] = useState<number | null>(null)
  const [phase, setPhase] = useState<Phase>({ step: 'form' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<ToggleValues>()
  const action = Form.useWatch('action', form) ?? 'deactivate'
  const [selection, setSelection] = useState<Selection>({})

  const begin = async () => {
    const chosen: Selection =
      selectedIds.length > 0 ? { ids: selectedIds } : { filter: filter ?? undefined, q }
    setSelection(chosen)
    setPhase({ step: 'form' })
    setCount(null)
    setError(null)
    setOpen(true)
    try {
      const preview = await tubolsilloApi.preview(chosen)
      setCount(preview.data.count)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  /** Starts a bulk (a new one, or the retry of one) and follows its job. */
  const launch = async (request: () => Promise<{ data: { bulkId: number; jobId: number } }>) => {
    setBusy(true)
    setError(null)
    try {
      const started = await request()
      setPhase({
        step: 'running',
        bulkId: started.data.bulkId,
        jobId: started.data.jobId,
        run: null,
      })
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const start = async () => {
    const values = await form.validateFields()
    await launch(() => tubolsilloApi.startBulk({ ...selection, ...values, count: count! }))
  }

  const retry = (bulkId: number) => launch(() => tubolsilloApi.retryBulk(bulkId))

  const running = phase.step === 'running' ? phase : null
  useEffect(() => {
    if (!running) return
    let stopped = false
    const poll = async () => {
      try {
        const answer = await tubolsilloApi.job(running.jobId)
        const run = answer.data
        if (stopped) return
        if (run.status === 'done' || run.status === 'failed') {
          const outcome = await tubolsilloApi.bulk(running.bulkId)
          if (!stopped) setPhase({ step: 'done', report: outcome.data, run })
          done()
          return
        }
        setPhase({ ...running, run })
      } catch (caught) {
        if (!stopped) setError(errorMessage(caught))
      }
    }
    const timer = setTimeout(poll, POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
    // polls again each time the phase object changes (every answer sets a new one)
  }, [running]) // eslint-disable-line react-hooks/exhaustive-deps

  if (!allowed) return null

  const close = () => {
    setOpen(false)
    setPhase({ step: 'form' })
    form.resetFields()
  }

  const footer =
    phase.step === 'form' ? (
      <Space>
        <Button onClick={close}>{t('confirm.cancel')}</Button>
        <Button
          type="primary"
          danger={action === 'deactivate'}
          disabled={count === null || count === 0}
          loading={busy}
          onClick={start}
          data-testid="tubolsillo-bulk-start"
        >
          {t('bulk.start')}
        </Button>
      </Space>
    ) : (
      <Button
        onClick={close}
        disabled={phase.step === 'running'}
        data-testid="tubolsillo-bulk-close"
      >
        {t('bulk.close')}
      </Button>
    )

  return (
    <>
      <Button onClick={begin} data-testid="tubolsillo-bulk-open">
        {t('bulk.button')}
      </Button>
      <Modal
        open={open}
        title={t('bulk.title')}
        footer={footer}
        onCancel={phase.step === 'running' ? undefined : close}
        closable={phase.step !== 'running'}
        maskClosable={false}
        destroyOnHidden
        width={640}
      >
        <div data-testid="tubolsillo-bulk">
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          {phase.step === 'form' && (
            <>
              <Typography.Paragraph type="secondary">
                {selection.ids
                  ? t('bulk.scopeSelected', { count: selection.ids.length })
                  : t('bulk.scopeFilter')}
              </Typography.Paragraph>
              <Alert
                type={count === null ? 'info' : 'warning'}
                showIcon
                data-testid="tubolsillo-bulk-count"
                data-count={count ?? ''}
                message={count === null ? t('bulk.counting') : t('bulk.count', { count })}
                style={{ marginBottom: 16 }}
              />
              <Form form={form} layout="vertical" initialValues={{ action: 'deactivate' }}>
                <ToggleFields t={t} action={action} />
              </Form>
            </>
          )}
          {phase.step === 'running' && (
            <>
              <Progress percent={phase.run?.progress ?? 0} data-testid="tubolsillo-bulk-progress" />
              <Typography.Text type="secondary">
                {t('bulk.running', { message: phase.run?.message ?? '' })}
              </Typography.Text>
            </>
          )}
          {phase.step === 'done' && (
            <BulkOutcome report={phase.report} run={phase.run} busy={busy} onRetry={retry} />
          )}
        </div>
      </Modal>
    </>
  )
}

function BulkOutcome({
  report,
  run,
  busy,
  onRetry,
}: {
  report: BulkReport
  run: JobRun
  busy: boolean
  onRetry: (bulkId: number) => void
}) {
  const t = useMessages()
  return (
    <>
      <Progress
        percent={run.progress}
        status={report.failed.length > 0 || run.status === 'failed' ? 'exception' : 'success'}
        data-testid="tubolsillo-bulk-progress"
      />
      {run.status === 'failed' && (
        <Alert type="error" showIcon message={t('bulk.jobFailed', { error: run.error ?? '' })} />
      )}
      <Typography.Paragraph data-testid="tubolsillo-bulk-done">
        {t('bulk.done', report.counts)}
      </Typography.Paragraph>
      {report.failed.length > 0 && (
        <>
          <Typography.Title level={5}>{t('bulk.failedTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey="toggleId"
            data-testid="tubolsillo-bulk-failed"
            dataSource={report.failed}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              {
                key: 'client',
                title: t('bulk.client'),
                render: (_: unknown, row: BulkReport['failed'][number]) => (
                  <Link
                    to={`/r/clients/${row.clientId}`}
                    data-testid="tubolsillo-bulk-failed-client"
                  >
                    {row.name || `#${row.clientId}`}
                  </Link>
                ),
              },
              { key: 'error', title: t('bulk.error'), dataIndex: 'error' },
            ]}
          />
          <Button
            loading={busy}
            onClick={() => onRetry(report.id)}
            data-testid="tubolsillo-bulk-retry"
          >
            {t('bulk.retry')}
          </Button>
        </>
      )}
    </>
  )
}
