import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import { TableroError } from '#exceptions/tablero_error'

export interface NormalizedPhone {
  e164: string
  country: string | null
}

/**
 * Parses a phone as typed by an agent ("+57 300 123 4567", or a national
 * number with a country prefix) into E.164 and its country. Anything that
 * is not a valid number is a 422 naming the field.
 */
export function normalizePhone(
  input: string,
  field = 'phone',
  defaultCountry?: string
): NormalizedPhone {
  const parsed = parsePhoneNumberFromString(
    input,
    defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined
  )
  if (!parsed || !parsed.isValid()) {
    throw new TableroError(
      'VALIDATION_FAILED',
      `${field}: "${input}" is not a valid phone number`,
      422,
      [
        {
          field,
          message: 'Not a valid phone number (use +<country code> and the number)',
          rule: 'phone',
        },
      ]
    )
  }
  return { e164: parsed.number, country: parsed.country ?? null }
}

/** Caller IDs remembered by tryNormalizePhone; past it the oldest goes. */
const REMEMBERED_CALLER_IDS = 2000
const callerIds = new Map<string, string | null>()

/**
 * Best-effort E.164 for lookups (caller ID): null when it cannot parse.
 * The answer depends on the text alone, and the same numbers call again
 * and again, so the last few thousand are remembered: parsing took a
 * twentieth of a screen-pop's CPU.
 */
export function tryNormalizePhone(input: string): string | null {
  const known = callerIds.get(input)
  if (known !== undefined) return known
  const parsed = parsePhoneNumberFromString(input.startsWith('+') ? input : `+${input}`)
  const e164 = parsed?.isValid() ? parsed.number : null
  if (input.length <= 32) {
    callerIds.set(input, e164)
    if (callerIds.size > REMEMBERED_CALLER_IDS) callerIds.delete(callerIds.keys().next().value!)
  }
  return e164
}
