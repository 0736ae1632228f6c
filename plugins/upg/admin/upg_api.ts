import { api } from '@tablero/admin'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/upg. */
export const UPG_API = '/api/p/upg'

export interface UpgTransaction {
  id: string
  userId: string
  clientId: number | null
  service: string
  orderNumber: string
  amount: number
  currency: string
  paymentMethod: string
  cardMask: string | null
  cardBrand: string | null
  gateway: string | null
  paymentIp: string | null
  status: string
  date: string
}

export interface UpgUser {
  userId: string
  fullName: string | null
  email: string | null
  phone: string | null
  country: string | null
  kycStatus: string | null
  level: string | null
  registeredAt: string | null
}

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
