import { useCallback, useEffect, useState } from 'react'
import { assignmentApi, type AssignmentCounts, type AssignmentSelection } from './assignment_api'

const DEBOUNCE_MS = 300

/**
 * The live count of the selection (the engine's exact count), asked again a moment after each
 * change; an answer that arrives after a newer request is dropped, and `counts` is null while
 * the selection on screen has not been counted yet.
 */
export function useAssignmentCount(selection: AssignmentSelection | null) {
  const [counted, setCounted] = useState<{ key: string; counts: AssignmentCounts } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)
  const [version, setVersion] = useState(0)
  const key = selection ? JSON.stringify(selection) : null

  useEffect(() => {
    if (!key) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      setLoading(true)
      assignmentApi
        .count(JSON.parse(key) as AssignmentSelection, controller.signal)
        .then((answer) => {
          setCounted({ key: `${version}:${key}`, counts: answer })
          setError(null)
        })
        .catch((failure: unknown) => {
          if (controller.signal.aborted) return
          setCounted(null)
          setError(failure)
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false)
        })
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [key, version])

  const recount = useCallback(() => setVersion((n) => n + 1), [])
  // Counts of an earlier selection are never shown as this one's.
  const counts = key && counted?.key === `${version}:${key}` ? counted.counts : null
  return key
    ? { counts, error, loading: loading || counts === null, recount }
    : { counts: null, error: null, loading: false, recount }
}
