/**
 * How long an SMS is, counted as carriers count it (3GPP TS 23.038). A text made only of the
 * GSM 7-bit alphabet travels as GSM-7: 160 characters in one message, where the characters of
 * the extension table (escaped) take two. One character outside that alphabet makes the whole
 * text UCS-2: 70 UTF-16 code units (an emoji takes two). Tablero sends one message, never a
 * concatenated one, so a text is refused when it does not fit.
 *
 * Shared by the backend (which refuses) and the admin (which shows the count as it is typed):
 * keep it free of imports.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2'

export interface SmsLength {
  encoding: SmsEncoding
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  length: number
  /** What one message holds in that encoding. */
  limit: number
  fits: boolean
  /** The characters that made it UCS-2, each once, in order of appearance. */
  nonGsm: string[]
}

export const GSM7_LIMIT = 160
export const UCS2_LIMIT = 70

/** GSM 03.38 basic character set (0x1B, the escape to the extension table, left out). */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
)

/** GSM 03.38 extension table: each is sent as escape + character, two septets. */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€')

export function smsLength(text: string): SmsLength {
  let septets = 0
  const nonGsm = new Set<string>()
  for (const character of text) {
    if (GSM7_BASIC.has(character)) septets += 1
    else if (GSM7_EXTENSION.has(character)) septets += 2
    else nonGsm.add(character)
  }
  if (nonGsm.size === 0) {
    return {
      encoding: 'GSM-7',
      length: septets,
      limit: GSM7_LIMIT,
      fits: septets <= GSM7_LIMIT,
      nonGsm: [],
    }
  }
  // `length` counts UTF-16 code units, which is what UCS-2 (in practice UTF-16) sends.
  return {
    encoding: 'UCS-2',
    length: text.length,
    limit: UCS2_LIMIT,
    fits: text.length <= UCS2_LIMIT,
    nonGsm: [...nonGsm],
  }
}
