import { useEffect, useMemo, useRef, useState } from 'react'
import { isApiError } from '../../api/api_error'
import { ACTIVE_STATUSES, importApi, type ImportJob, type ImportStatus } from './import_job'

/** How often the screen asks while the server validates or writes. */
const POLL_INTERVAL_MS = 700
/** After failed polls the wait doubles, up to this. */
const MAX_POLL_INTERVAL_MS = 10_000

/** A refusal that asking again will not change (the job is gone, or no longer the user's). */
function isFinal(error: unknown) {
  return isApiError(error) && error.statusCode >= 400 && error.statusCode < 500
}

export interface ImportFlow {
  api: ReturnType<typeof importApi>
  job: ImportJob | null
  /** 0–100 while the file travels; null otherwise. */
  uploadPercent: number | null
  /** Why the server refused the file (an ApiError: 413, 422 with fields…). */
  uploadError: unknown
  /** Why the server refused to start or resume (409 IMPORT_NOT_READY…). */
  startError: unknown
  /**
   * The last poll failed: the shown state may be stale. Polling goes on, more and more slowly,
   * unless the server refused (4xx: the job is gone or not the user's any more).
   */
  pollError: unknown
  /** The server refused a poll for good: the screen no longer follows the job. */
  pollStopped: boolean
  starting: boolean
  /** The user asked to write rows: the list behind the modal must be refreshed afterwards. */
  started: boolean
  /** `fields`: text fields sent with the file (`base_name`, `campaign_id`). */
  upload: (file: File, fields?: Record<string, string>) => Promise<void>
  /** `skipInvalid`: the user confirmed importing only the valid rows. */
  start: (skipInvalid?: boolean) => Promise<void>
  /** Back to choosing a file; an upload in flight is abandoned. */
  reset: () => void
}

/**
 * One import from upload to summary: sends the file, then follows the job on the server every
 * ~700 ms while it validates or writes, and starts or resumes it on request. Unmounting stops
 * the following, never the job.
 */
export function useImportJob(resource: string): ImportFlow {
  const endpoints = useMemo(() => importApi(resource), [resource])
  const [job, setJob] = useState<ImportJob | null>(null)
  const [uploadPercent, setUploadPercent] = useState<number | null>(null)
  const [uploadError, setUploadError] = useState<unknown>(null)
  const [startError, setStartError] = useState<unknown>(null)
  const [pollError, setPollError] = useState<unknown>(null)
  const [starting, setStarting] = useState(false)
  const [started, setStarted] = useState(false)
  // The status seen when start was asked: keep polling until the server has moved on from it.
  const [leaving, setLeaving] = useState<ImportStatus | null>(null)
  const [failures, setFailures] = useState(0)
  const uploadAbort = useRef<AbortController | null>(null)

  const shouldPoll =
    job !== null &&
    (ACTIVE_STATUSES.has(job.status) || job.status === leaving) &&
    !isFinal(pollError)

  useEffect(() => {
    if (!job || !shouldPoll) return
    const abort = new AbortController()
    const timer = setTimeout(
      () => {
        endpoints.read(job.id, abort.signal).then(
          (next) => {
            setPollError(null)
            setFailures(0)
            if (next.status !== leaving) setLeaving(null)
            setJob(next)
          },
          (error: unknown) => {
            if (abort.signal.aborted) return
            setPollError(error)
            setFailures((count) => count + 1)
          }
        )
      },
      Math.min(POLL_INTERVAL_MS * 2 ** failures, MAX_POLL_INTERVAL_MS)
    )
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [endpoints, job, shouldPoll, leaving, failures])

  useEffect(() => () => uploadAbort.current?.abort(), [])

  const upload = async (file: File, fields?: Record<string, string>) => {
    uploadAbort.current?.abort()
    const abort = new AbortController()
    uploadAbort.current = abort
    setUploadError(null)
    setUploadPercent(0)
    try {
      const created = await endpoints.upload(file, setUploadPercent, abort.signal, fields)
      if (!abort.signal.aborted) setJob(created)
    } catch (error) {
      if (!abort.signal.aborted) setUploadError(error)
    } finally {
      if (!abort.signal.aborted) setUploadPercent(null)
    }
  }

  const start = async (skipInvalid = false) => {
    if (!job) return
    setStarting(true)
    setStartError(null)
    try {
      const answer = await endpoints.start(job.id, skipInvalid)
      setStarted(true)
      if (answer && answer.status !== job.status) {
        setJob(answer)
      } else {
        // Accepted, but the answer does not show the change yet: follow the job until it does.
        setLeaving(job.status)
        setJob({ ...(answer ?? job) })
      }
    } catch (error) {
      setStartError(error)
    } finally {
      setStarting(false)
    }
  }

  const reset = () => {
    uploadAbort.current?.abort()
    uploadAbort.current = null
    setJob(null)
    setUploadPercent(null)
    setUploadError(null)
    setStartError(null)
    setPollError(null)
    setFailures(0)
    setLeaving(null)
  }

  return {
    api: endpoints,
    job,
    uploadPercent,
    uploadError,
    startError,
    pollError,
    pollStopped: isFinal(pollError),
    starting,
    started,
    upload,
    start,
    reset,
  }
}
