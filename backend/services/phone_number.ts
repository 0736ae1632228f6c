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

/**
 * Best-effort E.164 for lookups (caller ID): null when it cannot parse.
 */
export function tryNormalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.startsWith('+') ? input : `+${input}`)
  return parsed?.isValid() ? parsed.number : null
}
