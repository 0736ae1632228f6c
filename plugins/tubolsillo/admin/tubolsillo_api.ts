import { api } from '@tablero/admin'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/tubolsillo. */
export const TUBOLSILLO_API = '/api/p/tubolsillo'

export type WalletAction = 'activate' | 'deactivate'
export type WalletStatus = 'active' | 'inactive' | 'pending' | 'failed' | 'unknown'

export interface Toggle {
  id: number
  clientId: number
  action: WalletAction
  status: 'pending' | 'confirmed' | 'failed'
  error: string | null
}

export interface Wallet {
  clientId: number
  status: WalletStatus
  confirmed: 'active' | 'inactive' | null
  latest: Toggle | null
}

export interface Selection {
  filter?: unknown
  q?: string
  ids?: Array<string | number>
}

export interface BulkReport {
  id: number
  total: number
  jobId: number | null
  counts: { pending: number; confirmed: number; failed: number }
  failed: Array<{ toggleId: number; clientId: number; name: string; error: string | null }>
}

export interface JobRun {
  status: 'queued' | 'running' | 'done' | 'failed'
  progress: number
  message: string | null
  error: string | null
}

type Data<T> = { data: T }
type Toggled = { data: Toggle; wallet: Wallet }

export const tubolsilloApi = {
  wallet: (clientId: number) =>
    api.get<Data<Wallet>>(`${TUBOLSILLO_API}/clients/${clientId}/wallet`),
  toggle: (clientId: number, body: { action: WalletAction; reason_id?: number; note?: string }) =>
    api.post<Toggled>(`${TUBOLSILLO_API}/clients/${clientId}/toggles`, body),
  check: (toggleId: number) => api.post<Toggled>(`${TUBOLSILLO_API}/toggles/${toggleId}/check`),
  retry: (toggleId: number) => api.post<Toggled>(`${TUBOLSILLO_API}/toggles/${toggleId}/retry`),
  preview: (selection: Selection) =>
    api.post<Data<{ count: number }>>(`${TUBOLSILLO_API}/bulks/preview`, selection),
  startBulk: (
    body: Selection & { action: WalletAction; reason_id?: number; note?: string; count: number }
  ) =>
    api.post<Data<{ bulkId: number; jobId: number; total: number }>>(
      `${TUBOLSILLO_API}/bulks`,
      body
    ),
  bulk: (bulkId: number) => api.get<Data<BulkReport>>(`${TUBOLSILLO_API}/bulks/${bulkId}`),
  retryBulk: (bulkId: number) =>
    api.post<Data<{ bulkId: number; jobId: number; total: number }>>(
      `${TUBOLSILLO_API}/bulks/${bulkId}/retry`
    ),
  job: (jobId: number) => api.get<Data<JobRun>>(`/api/jobs/${jobId}`),
}
