import { useEffect, useState } from 'react'
import { api } from '../../api/http_client'
import { errorMessage } from '../../feedback/error_message'
import type { DuplicateCandidate } from './duplicate_candidate'

interface DuplicatesBody {
  data: DuplicateCandidate[]
  /** `hidden`: duplicates the user may not read, counted but never named */
  meta?: { hidden?: number }
}

interface Duplicates {
  loading: boolean
  error: string | null
  candidates: DuplicateCandidate[]
  hidden: number
}

/**
 * The clients sharing a phone or e-mail with this one that the user may read, and how many
 * others exist (so the dialog can say to ask a supervisor). Read with the API client rather
 * than `useCustom`, whose answer keeps only `data`.
 */
export function useDuplicates(clientId: number): Duplicates {
  const [state, setState] = useState<Duplicates>({
    loading: true,
    error: null,
    candidates: [],
    hidden: 0,
  })
  useEffect(() => {
    const controller = new AbortController()
    api
      .get<DuplicatesBody>(`/api/clients/${clientId}/duplicates`, { signal: controller.signal })
      .then((body) =>
        setState({
          loading: false,
          error: null,
          candidates: body.data,
          hidden: body.meta?.hidden ?? 0,
        })
      )
      .catch((error) => {
        if (!controller.signal.aborted) {
          setState({ loading: false, error: errorMessage(error), candidates: [], hidden: 0 })
        }
      })
    return () => controller.abort()
  }, [clientId])
  return state
}
