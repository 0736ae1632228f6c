import { api } from '../api/http_client'
import type { FilterNode } from '../providers/filter_tree'

export type RecordType = 'all' | 'assigned' | 'unassigned'

/** What Asignaciones selects: a campaign's clients by the filter tree, record type and maximum. */
export interface AssignmentSelection {
  campaignId: number
  filter: FilterNode | null
  recordType: RecordType
  limit: number | null
}

export interface AssignmentCounts {
  matched: number
  assigned: number
}

export interface AssignmentOutcome {
  mode: 'assign' | 'unassign'
  clients: number
  perUser: Record<string, number>
  batches: number
}

/** Done in the request (`outcome`), or queued as a background job (`jobId`). */
export type AssignmentAnswer =
  | { outcome: AssignmentOutcome; jobId?: undefined }
  | { jobId: number; clients: number; outcome?: undefined }

export interface JobRun {
  id: number
  status: 'queued' | 'running' | 'done' | 'failed'
  progress: number
  message: string | null
  error: string | null
  result: AssignmentOutcome | null
}

function body(selection: AssignmentSelection) {
  return {
    campaignId: selection.campaignId,
    recordType: selection.recordType,
    ...(selection.filter ? { filter: selection.filter } : {}),
    ...(selection.limit ? { limit: selection.limit } : {}),
  }
}

export const assignmentApi = {
  count: (selection: AssignmentSelection, signal?: AbortSignal) =>
    api
      .post<{ data: AssignmentCounts }>('/api/assignments/count', body(selection), { signal })
      .then((answer) => answer.data),
  run: (
    selection: AssignmentSelection,
    mode: 'assign' | 'unassign',
    userIds: number[],
    expected: AssignmentCounts
  ) =>
    api
      .post<{ data: AssignmentAnswer }>('/api/assignments', {
        ...body(selection),
        mode,
        ...(mode === 'assign' ? { userIds } : {}),
        expected,
      })
      .then((answer) => answer.data),
  job: (id: number) => api.get<{ data: JobRun }>(`/api/jobs/${id}`).then((answer) => answer.data),
}
