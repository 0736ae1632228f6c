import { Alert, Progress } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { assignmentApi, type JobRun } from './assignment_api'

const POLL_MS = 1000

/** Follows a background assignment at GET /api/jobs/:id until it ends, then reports it. */
export function JobProgress({ jobId, onEnd }: { jobId: number; onEnd: (run: JobRun) => void }) {
  const { t } = useTranslation()
  const [run, setRun] = useState<JobRun | null>(null)

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const poll = async () => {
      try {
        const next = await assignmentApi.job(jobId)
        if (stopped) return
        setRun(next)
        if (next.status === 'done' || next.status === 'failed') return onEnd(next)
      } catch {
        // A missed poll is retried on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [jobId, onEnd])

  if (run?.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        message={t('assignments.jobFailed')}
        description={run.error}
        data-testid="assignment-job-failed"
      />
    )
  }
  return (
    <div data-testid="assignment-progress">
      <Progress
        percent={run?.progress ?? 0}
        status={run?.status === 'done' ? 'success' : 'active'}
      />
      {run?.message && <span>{run.message}</span>}
    </div>
  )
}
