import { api } from '@tablero/admin'
import { downloadUrl } from './file_transfer'
import type { ResultAction, ResultNode } from './definitions'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/<plugin>. */
export const TIPIFICACIONES_API = '/api/p/tipificaciones'

export interface NewResultInput {
  campaignIds?: number[]
  parentId?: number
  name: string
  action?: ResultAction
  allowsScheduling?: boolean
  deleteScheduled?: boolean
  gamificationMeasure?: number
  confirmVoiceIgnoresAction?: boolean
}

export interface ResultChanges {
  name?: string
  action?: ResultAction | null
  allowsScheduling?: boolean
  deleteScheduled?: boolean
  gamificationMeasure?: number | null
  active?: boolean
}

export interface GestionInput {
  clientId: number
  campaignId: number
  level1Id: number
  level2Id?: number
  level3Id?: number
  notes?: string
  callbackAt?: string
  alternatePhone?: string
  forMe?: boolean
}

export interface StatsFilter {
  from?: string
  to?: string
  campaignId?: number
  userId?: number
}

type Data<T> = { data: T }

/** The declared resource results are changed and deleted through (`useResultWrites`). */
export const RESULTS_RESOURCE = 'tip_results'

/** The resource's field names for the form's changes (undefined ones are not sent). */
export const resultFields = (changes: ResultChanges) => ({
  name: changes.name,
  action: changes.action,
  allows_scheduling: changes.allowsScheduling,
  delete_scheduled: changes.deleteScheduled,
  gamification_measure: changes.gamificationMeasure,
  active: changes.active,
})

/**
 * The writes no role takes through the generic REST, done by the plugin's endpoints with the
 * engine (by the plugin's permissions): a result in several campaigns at once (and its voice
 * confirmation), a gestión (the recorder's rules), "Quitar" a callback. Failures arrive as the
 * SDK's `ApiError` (422 with `errors` per input, 409 with the backend's code), for the caller to
 * place on the form.
 */
export const tipificacionesApi = {
  createResult: (input: NewResultInput) =>
    api.post<Data<ResultNode[]>>(`${TIPIFICACIONES_API}/results`, input),
  recordGestion: (input: GestionInput) => api.post(`${TIPIFICACIONES_API}/gestiones`, input),
  removeCallback: (id: number) => api.post(`${TIPIFICACIONES_API}/callbacks/${id}/remove`),

  templateUrl: `${TIPIFICACIONES_API}/results/template.csv`,
  /** The interactions report, its headers in the screen's language (a link sends no header). */
  reportUrl: (filter: StatsFilter, lang: string) =>
    downloadUrl(`${TIPIFICACIONES_API}/report.csv`, { ...filter, lang }),
}
