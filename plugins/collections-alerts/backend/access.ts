/** The manifest's permissions (plugin.ts). */
export const LIFT = 'collections-alerts.lift'
export const SWEEP = 'collections-alerts.sweep'
export const SEGMENTS = 'collections-alerts.segments'

/** The seeded types the code raises by itself (migration 1767300000000). */
export const TYPE_KEYS = {
  contactability: 'contactabilidad',
  brokenPromise: 'promesa_incumplida',
} as const

/** What a contactability alert says about the channel, and where it came from. */
export const DETAILS = ['wrong_phone', 'whatsapp_unavailable', 'email_not_found'] as const
export type AlertDetail = (typeof DETAILS)[number]

export const CHANNEL_OF_DETAIL: Record<AlertDetail, 'phone' | 'whatsapp' | 'email'> = {
  wrong_phone: 'phone',
  whatsapp_unavailable: 'whatsapp',
  email_not_found: 'email',
}

/** Days after a promise's date before the sweep calls it broken (env COLLECTIONS_PROMISE_GRACE_DAYS). */
export function promiseGraceDays() {
  const days = Number(process.env.COLLECTIONS_PROMISE_GRACE_DAYS ?? 2)
  return Number.isFinite(days) && days >= 0 ? days : 2
}

/**
 * How often the broken-promises sweep runs on its own (env
 * COLLECTIONS_PROMISE_SWEEP_EVERY: ms or '30m', default 1 hour; 0: never).
 */
export function promiseSweepEvery() {
  const every = process.env.COLLECTIONS_PROMISE_SWEEP_EVERY?.trim()
  if (!every) return '1h'
  return /^\d+$/.test(every) ? Number(every) : every
}
