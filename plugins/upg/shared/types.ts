/**
 * What the UPG tab and the anti-fraud page read, as the API answers it:
 * shared by the backend (gateway_answer.ts) and the admin (upg_api.ts).
 * Types only, so the admin bundle takes nothing from the backend.
 */

/** A transaction as the tab shows it, whichever side (store or gateway) it came from. */
export interface UpgTransaction {
  id: string
  userId: string
  clientId: number | null
  service: string
  orderNumber: string
  amount: number
  currency: string
  paymentMethod: string
  /** `411111******1111`: never more of the number */
  cardMask: string | null
  cardBrand: string | null
  gateway: string | null
  paymentIp: string | null
  status: string
  date: string
}

/** What the gateway knows of a user ("Cliente detalles"). */
export interface UpgUser {
  userId: string
  clientId: number | null
  fullName: string | null
  email: string | null
  phone: string | null
  country: string | null
  kycStatus: string | null
  level: string | null
  registeredAt: string | null
}
