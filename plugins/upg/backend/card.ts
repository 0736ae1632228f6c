/**
 * The boundary every card number crosses (CSV, webhook, gateway answer): a
 * full PAN is cut to its BIN (first 6) and last 4 here and goes no further,
 * so it never reaches the database, a log line or a screen.
 */
export interface CardCut {
  bin: string
  last4: string
}

/** A run of 12–19 digits, possibly grouped by spaces or dashes: what a PAN looks like. */
const PAN_RUN = /\b\d(?:[ -]?\d){11,18}\b/g
/** A mask as people write it: 6 digits, hidden ones, 4 digits (411111******1111, 411111…1111). */
const MASK = /^(\d{6})[*xX•.…\s-]*(\d{4})$/

/**
 * Reads a card as given (a PAN, a mask, or a BIN alone) into BIN + last 4;
 * null when it is none of these.
 */
export function cutCard(input: unknown): CardCut | null {
  if (input === null || input === undefined) return null
  const text = String(input).trim()
  const digits = text.replace(/[\s-]/g, '')
  if (/^\d{12,19}$/.test(digits)) return { bin: digits.slice(0, 6), last4: digits.slice(-4) }
  const mask = MASK.exec(text)
  if (mask) return { bin: mask[1], last4: mask[2] }
  return null
}

/** How a card is shown: `411111******1111`. */
export function maskCard(bin: string | null, last4: string | null) {
  if (!bin || !last4) return null
  return `${bin}******${last4}`
}

/** Whether digits pass the Luhn check every card number passes (and 9 in 10 other numbers fail). */
function luhn(digits: string) {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

/**
 * `text` with every run that may be a card number (12–19 digits passing the
 * Luhn check) masked: for free text from outside (a gateway's members, a
 * preview of a file, error messages). Long order numbers mostly stay readable.
 */
export function maskPans(text: string) {
  return text.replace(PAN_RUN, (run) => {
    const digits = run.replace(/[\s-]/g, '')
    return luhn(digits) ? `${digits.slice(0, 6)}******${digits.slice(-4)}` : run
  })
}

/**
 * A copy of an outside document (a gateway answer, a webhook body) with every
 * string that holds a PAN masked, and numbers long enough to be one too.
 */
export function maskPansDeep<T>(value: T): T {
  if (typeof value === 'string') return maskPans(value) as T
  if (typeof value === 'number' && Number.isInteger(value) && String(value).length >= 12) {
    return maskPans(String(value)) as T
  }
  if (Array.isArray(value)) return value.map((item) => maskPansDeep(item)) as T
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, member] of Object.entries(value)) copy[key] = maskPansDeep(member)
    return copy as T
  }
  return value
}
