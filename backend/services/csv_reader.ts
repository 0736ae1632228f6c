import { TableroError } from '#exceptions/tablero_error'
import { CsvFormatError, parseCsvText } from '#resources/csv_records'

/**
 * Parses CSV text with the resource import's reader (RFC 4180: quoted
 * cells, doubled quotes, CRLF or LF, `,` or `;` chosen from the header
 * line, BOM dropped): the non-blank records, each with the file line it
 * starts on. A malformed file (an unclosed quote, a runaway cell) is a
 * 422 on `file` naming the line.
 */
export function parseCsv(text: string) {
  try {
    return parseCsvText(text)
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error
    throw new TableroError('VALIDATION_FAILED', `Line ${error.line}: ${error.message}`, 422, [
      { field: 'file', message: `Line ${error.line}: ${error.message}`, rule: error.rule },
    ])
  }
}
