import db from '@adonisjs/lucid/services/db'
import { AdapterError, HttpClient, TableroError, presentDateTime } from '#sdk'
import { maskCard, maskPans } from './card.ts'
import { CircuitBreaker } from './circuit_breaker.ts'
import {
  MalformedAnswer,
  readTransaction,
  readUser,
  type UpgTransaction,
  type UpgUser,
} from './gateway_answer.ts'

/** Whose payments are asked for: the CRM client and its gateway user ids. */
export interface ClientUsers {
  clientId: number
  userIds: string[]
}

export interface TransactionQuery {
  /** one of the client's user ids, or all of them */
  userId?: string
  service?: string
  page: number
  perPage: number
}

/** The gateway as the plugin reads it (U5): read-only. */
export interface GatewayPort {
  readonly kind: 'local' | 'http'
  transactions(
    who: ClientUsers,
    query: TransactionQuery
  ): Promise<{ data: UpgTransaction[]; total: number }>
  transaction(who: ClientUsers, id: string): Promise<UpgTransaction | null>
  users(who: ClientUsers): Promise<UpgUser[]>
}

/** A stored row as the tab shows it. */
export function presentStored(row: Record<string, any>): UpgTransaction {
  return {
    id: String(row.id),
    userId: row.external_user_id,
    clientId: row.client_id === null ? null : Number(row.client_id),
    service: row.service,
    orderNumber: row.order_number,
    amount: Number(row.amount),
    currency: row.currency,
    paymentMethod: row.payment_method,
    cardMask: maskCard(row.card_bin, row.card_last4),
    cardBrand: row.card_brand,
    gateway: row.gateway,
    paymentIp: row.payment_ip,
    status: row.status,
    date: presentDateTime(row.occurred_at) as string,
  }
}

/** The local store (demo, offline): what CSV imports and the webhook wrote. */
function localGateway(): GatewayPort {
  return {
    kind: 'local',
    async transactions({ clientId }, { userId, service, page, perPage }) {
      const query = db.from('upg_transactions').where('client_id', clientId)
      if (userId) query.where('external_user_id', userId)
      if (service) query.where('service', service)
      const [{ total }] = await query.clone().count('* as total')
      const rows = await query
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .offset((page - 1) * perPage)
        .limit(perPage)
      return { data: rows.map(presentStored), total: Number(total) }
    },
    async transaction({ clientId }, id) {
      if (!/^\d+$/.test(id)) return null
      const row = await db
        .from('upg_transactions')
        .where('client_id', clientId)
        .where('id', Number(id))
        .first()
      return row ? presentStored(row) : null
    },
    async users({ clientId }) {
      const rows = await db.from('upg_clients').where('client_id', clientId).orderBy('id')
      return rows.map((row) => ({
        userId: row.external_user_id,
        clientId: Number(row.client_id),
        fullName: row.full_name,
        email: row.email,
        phone: row.phone,
        country: row.country,
        kycStatus: row.kyc_status,
        level: row.level,
        registeredAt: row.registered_at === null ? null : presentDateTime(row.registered_at),
      }))
    },
  }
}

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value >= 0 && process.env[name] !== '' ? value : fallback
}

/** The gateway's settings, read on each call so an operator or a test switches without a restart. */
export function gatewaySettings() {
  const url = process.env.UPG_URL || process.env.UPG_HTTP_URL || ''
  const chosen = process.env.UPG_ADAPTER
  const kind: 'local' | 'http' = chosen === 'http' || (!chosen && url) ? 'http' : 'local'
  return {
    kind,
    url: url.replace(/\/+$/, ''),
    token: process.env.UPG_TOKEN || process.env.UPG_HTTP_TOKEN || undefined,
    timeoutMs: numberFrom('UPG_TIMEOUT_MS', 3_000),
    retries: numberFrom('UPG_RETRIES', 2),
    retryDelayMs: numberFrom('UPG_RETRY_DELAY_MS', 200),
    breakerFailures: Math.max(1, numberFrom('UPG_BREAKER_FAILURES', 5)),
    breakerCooldownMs: numberFrom('UPG_BREAKER_COOLDOWN_MS', 30_000),
  }
}

const breakers = new Map<string, CircuitBreaker>()

function breakerFor(settings: ReturnType<typeof gatewaySettings>) {
  const key = `${settings.url}|${settings.breakerFailures}|${settings.breakerCooldownMs}`
  let breaker = breakers.get(key)
  if (!breaker) {
    breaker = new CircuitBreaker(settings.breakerFailures, settings.breakerCooldownMs)
    breakers.set(key, breaker)
  }
  return breaker
}

/** Closes every breaker (tests; an operator after fixing the gateway restarts nothing). */
export function resetBreakers() {
  breakers.clear()
}

function unavailable(detail: string, params: { seconds?: number; status?: number } = {}) {
  return new TableroError('UPG_UNAVAILABLE', `UPG unavailable: ${detail}`, 503, undefined, params)
}

/**
 * The Universal Payment Gateway over HTTP (`UPG_URL`, `UPG_TOKEN`):
 * - `GET /transactions?user_id=a,b&service=&page=&per_page=` → `{ data: [...], total }`
 * - `GET /transactions/:id` → `{ data }` (404 when unknown)
 * - `GET /users/:id` → `{ data }`
 * Every attempt times out after 3 s; reads are retried with a doubling pause
 * (HttpClient); no answer, a 5xx or a malformed answer counts against the
 * breaker, which then answers "UPG no disponible" at once for a cool-down.
 */
function httpGateway(settings: ReturnType<typeof gatewaySettings>): GatewayPort {
  const client = new HttpClient({
    adapter: 'upg',
    url: settings.url,
    token: settings.token,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    retryDelayMs: settings.retryDelayMs,
  })
  const breaker = breakerFor(settings)

  async function read(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    if (!breaker.allow()) {
      const seconds = Math.ceil(breaker.retryInMs() / 1000)
      throw unavailable(`too many failures, next try in ${seconds} s`, { seconds })
    }
    let answer
    try {
      answer = await client.request({ method: 'GET', path })
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error
      breaker.failed()
      throw unavailable(maskPans(error.message))
    }
    if (answer.status >= 500 || answer.status === 429) {
      breaker.failed()
      throw unavailable(`the gateway answered HTTP ${answer.status}`, { status: answer.status })
    }
    const body = answer.json<Record<string, unknown>>()
    if (answer.status === 404) {
      breaker.succeeded()
      return { status: 404, body: {} }
    }
    if (!answer.ok) {
      breaker.succeeded()
      throw new TableroError(
        'UPG_REFUSED',
        `The gateway refused the read (HTTP ${answer.status})`,
        502,
        undefined,
        { status: answer.status }
      )
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      breaker.failed()
      throw malformed(`not a JSON object: ${maskPans(client.redact(answer.text)).slice(0, 120)}`)
    }
    breaker.succeeded()
    return { status: answer.status, body }
  }

  function parse<T>(reader: () => T): T {
    try {
      return reader()
    } catch (error) {
      if (error instanceof MalformedAnswer) {
        breaker.failed()
        throw malformed(error.message)
      }
      throw error
    }
  }

  return {
    kind: 'http',
    async transactions({ userIds }, { userId, service, page, perPage }) {
      const ids = userId ? [userId] : userIds
      if (ids.length === 0) return { data: [], total: 0 }
      const query = new URLSearchParams({
        user_id: ids.join(','),
        page: String(page),
        per_page: String(perPage),
      })
      if (service) query.set('service', service)
      const { body } = await read(`/transactions?${query}`)
      return parse(() => {
        if (!Array.isArray(body.data)) throw new MalformedAnswer('"data" is not a list')
        const data = body.data.map(readTransaction)
        const total = Number(body.total ?? data.length)
        return { data, total: Number.isFinite(total) ? total : data.length }
      })
    },
    async transaction({ userIds }, id) {
      const { status, body } = await read(`/transactions/${encodeURIComponent(id)}`)
      if (status === 404) return null
      const found = parse(() => readTransaction(body.data))
      // another user's payment is not this client's to see
      return userIds.includes(found.userId) ? found : null
    },
    async users({ userIds }) {
      const users: UpgUser[] = []
      for (const userId of userIds) {
        const { status, body } = await read(`/users/${encodeURIComponent(userId)}`)
        if (status !== 404) users.push(parse(() => readUser(body.data)))
      }
      return users
    },
  }
}

function malformed(detail: string) {
  return new TableroError(
    'UPG_BAD_ANSWER',
    `The gateway answered malformed data: ${detail}`,
    502,
    undefined,
    { detail }
  )
}

/** The side the environment chooses now: `UPG_ADAPTER`, else http when `UPG_URL` is set. */
export function gateway(): GatewayPort {
  const settings = gatewaySettings()
  if (settings.kind === 'local') return localGateway()
  if (!settings.url) throw new Error('UPG_ADAPTER=http needs UPG_URL')
  return httpGateway(settings)
}

/** The client's gateway user ids (from the store's links, whichever side answers). */
export async function clientUsers(clientId: number): Promise<ClientUsers> {
  const rows = await db
    .from('upg_clients')
    .where('client_id', clientId)
    .orderBy('id')
    .select('external_user_id')
  return { clientId, userIds: rows.map((row) => String(row.external_user_id)) }
}
