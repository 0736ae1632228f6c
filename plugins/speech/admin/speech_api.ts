import { api } from '@tablero/admin'
import type { Script } from './definitions'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/<plugin>. */
export const SPEECH_API = '/api/p/speech'

type Data<T> = { data: T }
const scriptPath = (id: number) => `${SPEECH_API}/scripts/${id}`

/**
 * Every change the screens make; the server sanitizes the HTML and answers the saved script with
 * the variables its campaign does not offer (`unknownVariables`). Failures arrive as `ApiError`.
 */
export const speechApi = {
  createScript: (input: { campaignId: number; title: string; html: string }) =>
    api.post<Data<Script>>(`${SPEECH_API}/scripts`, input),
  updateScript: (id: number, input: { title: string; html: string }) =>
    api.patch<Data<Script>>(scriptPath(id), input),
  deleteScript: (id: number) => api.delete(scriptPath(id)),
  restoreVersion: (id: number, versionId: number) =>
    api.post<Data<Script>>(`${scriptPath(id)}/versions/${versionId}/restore`),
}
