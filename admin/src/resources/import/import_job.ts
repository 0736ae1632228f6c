import { api, buildUrl } from '../../api/http_client'
import { uploadFile } from '../../api/upload_file'

/**
 * A CSV import as the server tracks it: the file is checked whole first (`validating` →
 * `invalid` or `ready`), and rows are written only after the user confirms (`importing` →
 * `done`). It lives on the server, so closing the screen never stops it.
 */
export type ImportStatus =
  'validating' | 'invalid' | 'ready' | 'importing' | 'done' | 'failed' | 'interrupted'

export interface ImportRowError {
  /** Line of the CSV file, as the user's spreadsheet numbers it. */
  line: number
  /** The column at fault; null when the whole row is. */
  field: string | null
  message: string
}

export interface ImportJob {
  id: number | string
  resource: string
  status: ImportStatus
  filename: string
  /** Unknown until the server has counted the rows. */
  totalRows: number | null
  validatedRows: number
  processedRows: number
  createdRows: number
  /** `update`: rows whose key finds a record change only `updateFields` of it. */
  mode?: 'create' | 'update'
  keyField?: string | null
  updateFields?: string[]
  /** Update mode: rows the validation found a record for; records the import updated. */
  matchedRows?: number
  updatedRows?: number
  /** Rows (not errors) the validation refused: a partial import leaves them out. */
  rejectedRows?: number
  /** The rows that were not imported can be downloaded, with their errors, to fix them. */
  rejectedFile?: boolean
  errorCount: number
  errors: ImportRowError[]
  message: string | null
  createdAt: string
  finishedAt: string | null
}

/** Rows of a validated file that passed every check: what a partial import would write. */
export function validRows(job: ImportJob) {
  return Math.max(0, (job.totalRows ?? 0) - (job.rejectedRows ?? 0))
}

/** What the browser refuses before sending; the server holds the same limit (413). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024

/** Statuses in which the server is still working and the screen keeps asking. */
export const ACTIVE_STATUSES: ReadonlySet<ImportStatus> = new Set(['validating', 'importing'])

interface JobEnvelope {
  data: ImportJob
}

/** The import endpoints of one resource; the downloads are plain links (session cookie). */
export function importApi(resource: string) {
  const base = `/api/r/${encodeURIComponent(resource)}`
  const jobPath = (id: ImportJob['id']) => `${base}/imports/${encodeURIComponent(String(id))}`

  return {
    templateUrl: buildUrl(`${base}/import/template.csv`),
    errorsUrl: (id: ImportJob['id']) => buildUrl(`${jobPath(id)}/errors.csv`),
    rejectedUrl: (id: ImportJob['id']) => buildUrl(`${jobPath(id)}/rejected.csv`),

    async upload(
      file: File,
      onProgress: (percent: number) => void,
      signal: AbortSignal,
      fields?: Record<string, string>
    ) {
      const answer = await uploadFile<JobEnvelope>(`${base}/imports`, file, {
        field: 'file',
        onProgress,
        signal,
        fields,
      })
      return answer.data
    },

    async read(id: ImportJob['id'], signal?: AbortSignal) {
      const answer = await api.get<JobEnvelope>(jobPath(id), { signal })
      return answer.data
    },

    /**
     * Starts (or resumes) the writing; the answer may or may not carry the job. `skipInvalid`
     * confirms importing only the valid rows of a file with invalid ones.
     */
    async start(id: ImportJob['id'], skipInvalid = false) {
      const answer = await api.post<Partial<JobEnvelope> | undefined>(
        `${jobPath(id)}/start`,
        skipInvalid ? { skip_invalid: true } : undefined
      )
      return answer?.data ?? null
    },
  }
}
