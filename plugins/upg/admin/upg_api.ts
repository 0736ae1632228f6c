import { api } from '@tablero/admin'
import type { UpgTransaction, UpgUser } from '../shared/types.ts'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/upg. */
export const UPG_API = '/api/p/upg'

export type { UpgTransaction, UpgUser }

export interface TransactionPage {
  data: UpgTransaction[]
  meta: {
    total: number
    page: number
    perPage: number
    source: 'local' | 'http'
    userIds: string[]
  }
}

export interface FraudResult {
  criteria: Record<string, string>
  total: number
  clients: Array<{ clientId: number; name: string | null; transactions: number; lastAt: string }>
  transactions: Array<UpgTransaction & { clientName: string | null }>
}

export interface FraudQuery {
  card?: string
  ip?: string
  ipScope?: 'exact' | 'network'
}

type Data<T> = { data: T }

export const upgApi = {
  transactions: (
    clientId: number,
    query: { user_id?: string; service?: string; page: number; per_page: number }
  ) =>
    api.get<TransactionPage>(`${UPG_API}/clients/${clientId}/transactions`, {
      query: query as Record<string, string | number>,
    }),
  transaction: (clientId: number, id: string) =>
    api.get<Data<UpgTransaction>>(
      `${UPG_API}/clients/${clientId}/transactions/${encodeURIComponent(id)}`
    ),
  details: (clientId: number) => api.get<Data<UpgUser[]>>(`${UPG_API}/clients/${clientId}/details`),
  search: (query: FraudQuery) => api.post<Data<FraudResult>>(`${UPG_API}/fraud/search`, query),
}
