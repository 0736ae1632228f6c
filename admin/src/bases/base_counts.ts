import { useEffect, useState, useSyncExternalStore } from 'react'
import { api } from '../api/http_client'

export interface BaseCounts {
  /** clients of the base now */
  clients: number
  /** of them, those a deletion would keep (gestiones, notes, callbacks) */
  kept: number
}

type Waiting = {
  id: number
  resolve: (counts: BaseCounts | null) => void
  reject: (e: unknown) => void
}

/**
 * The counts of the bases on screen, asked in one request per page: each cell asks for its
 * base, and the asks of one render go out together to `/api/bases/counts?ids=…`.
 */
let waiting: Waiting[] = []
function load(id: number) {
  return new Promise<BaseCounts | null>((resolve, reject) => {
    waiting.push({ id, resolve, reject })
    if (waiting.length > 1) return
    setTimeout(() => {
      const batch = waiting
      waiting = []
      const ids = [...new Set(batch.map((entry) => entry.id))]
      api.get<{ data: Record<string, BaseCounts> }>(`/api/bases/counts?ids=${ids.join(',')}`).then(
        (answer) => batch.forEach((entry) => entry.resolve(answer.data[String(entry.id)] ?? null)),
        (error: unknown) => batch.forEach((entry) => entry.reject(error))
      )
    }, 0)
  })
}

/** Bumped when bases change (an upload, a deletion): every shown count is asked again. */
let version = 0
const listeners = new Set<() => void>()
export function refreshBaseCounts() {
  version += 1
  listeners.forEach((listener) => listener())
}
function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useBaseCounts(id: number) {
  const current = useSyncExternalStore(subscribe, () => version)
  const [counts, setCounts] = useState<BaseCounts | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    load(id).then(
      (next) => live && setCounts(next),
      () => live && setFailed(true)
    )
    return () => {
      live = false
    }
  }, [id, current])
  return { counts, failed }
}
