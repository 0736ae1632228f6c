import { TableroError } from '#exceptions/tablero_error'

/**
 * Characters a file name may carry that show nothing or change how the
 * rest is shown: C0 and C1 controls (NUL, tab, line breaks…), DEL, line and
 * paragraph separators, and the bidirectional marks, embeddings, overrides
 * and isolates ("factura\u202Efdp.exe" reads as "facturaexe.pdf").
 */
function isInvisible(code: number) {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

/** Stored names fit the 255-character columns, without splitting a character. */
const MAX_NAME = 255

/**
 * The name an uploaded file is stored and shown under: the client's name
 * without invisible or reordering characters, trimmed to 255 characters.
 * When nothing is left before the extension, `stem` stands in for it
 * ("\u202E.pdf" is stored as "archivo.pdf").
 */
export function displayName(clientName: string, stem: string) {
  const kept = Array.from(clientName).filter((char) => !isInvisible(char.codePointAt(0)!))
  const name = Array.from(kept.join('').trim()).slice(0, MAX_NAME).join('')
  if (name === '') return stem
  return /^\.[^.]*$/.test(name) ? `${stem}${name}` : name
}

/** ".pdf, .png o .wav" in Spanish, ".pdf, .png or .wav" in English. */
export function extensionList(extnames: string[], language: 'es' | 'en') {
  const list = new Intl.ListFormat(language, { type: 'disjunction' })
  return list.format(extnames.map((extname) => `.${extname}`))
}

/**
 * The 422 for a file of a type the endpoint does not take, listing the
 * types it does (the Spanish words: the `extname` rule of
 * #i18n/error_messages, from the same list).
 */
export function fileTypeError(file: { extname?: string } | null, extnames: string[]) {
  const given = file?.extname ? `.${file.extname} files are not accepted: ` : ''
  const message = `${given}upload a ${extensionList(extnames, 'en')} file`
  return new TableroError('VALIDATION_FAILED', `file: ${message}`, 422, [
    { field: 'file', message, rule: 'extname', meta: { extnames } },
  ])
}
