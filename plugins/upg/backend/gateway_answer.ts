import { cutCard, maskCard, maskPans } from './card.ts'
import type { UpgTransaction, UpgUser } from '../shared/types.ts'

export type { UpgTransaction, UpgUser } from '../shared/types.ts'

/** The gateway answered something else than the documented JSON. */
export class MalformedAnswer extends Error {}

const text = (value: unknown) =>
  value === null || value === undefined || value === '' ? null : maskPans(String(value))

function required(item: Record<string, unknown>, key: string) {
  const value = text(item[key])
  if (value === null) throw new MalformedAnswer(`a transaction has no "${key}"`)
  return value
}

/**
 * One transaction of the gateway's JSON. Only the documented members are
 * read, each masked; a card given as a full number (`card_number`, `pan`) or
 * as BIN + last 4 leaves here as a mask.
 */
export function readTransaction(raw: unknown): UpgTransaction {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new MalformedAnswer('a transaction is not an object')
  }
  const item = raw as Record<string, unknown>
  const amount = Number(item.amount)
  if (!Number.isFinite(amount)) throw new MalformedAnswer('a transaction has no numeric "amount"')
  const card =
    cutCard(item.card_number ?? item.pan ?? item.card_mask ?? null) ??
    (item.card_bin && item.card_last4
      ? cutCard(`${String(item.card_bin).slice(0, 6)}******${String(item.card_last4).slice(-4)}`)
      : null)
  return {
    id: required(item, 'id'),
    userId: required(item, 'user_id'),
    clientId: null,
    service: required(item, 'service'),
    orderNumber: required(item, 'order_number'),
    amount,
    currency: text(item.currency) ?? 'USD',
    paymentMethod: required(item, 'payment_method'),
    cardMask: card ? maskCard(card.bin, card.last4) : null,
    cardBrand: text(item.card_brand),
    gateway: text(item.gateway),
    paymentIp: text(item.payment_ip),
    status: required(item, 'status'),
    date: required(item, 'date'),
  }
}

export function readUser(raw: unknown): UpgUser {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new MalformedAnswer('a user is not an object')
  }
  const item = raw as Record<string, unknown>
  const userId = text(item.user_id ?? item.id)
  if (!userId) throw new MalformedAnswer('a user has no "user_id"')
  return {
    userId,
    clientId: null,
    fullName: text(item.full_name ?? item.name),
    email: text(item.email),
    phone: text(item.phone),
    country: text(item.country),
    kycStatus: text(item.kyc_status),
    level: text(item.level),
    registeredAt: text(item.registered_at),
  }
}
