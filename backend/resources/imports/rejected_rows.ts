import drive from '@adonisjs/drive/services/main'
import { csvLine } from '../csv.ts'
import { CsvFormatError, csvRecords, detectCsvEncoding } from '../csv_records.ts'
import { localizedMessage, type RowError } from './import_errors.ts'
import { ImportJobs, type ImportJobRow } from './import_jobs.ts'
import { RejectedLines } from './rejected_lines.ts'
import { REJECTION_COLUMN } from './rejection_column.ts'

const UNKEPT = {
  es: 'Fila rechazada (el detalle supera los errores guardados)',
  en: 'Row refused (its detail is past the errors kept)',
}

/**
 * The rows of an import's file that were not imported (refused by the
 * validation, or when writing), as the file had them, each after a first
 * column with its errors in the reader's language: streamed, one record
 * at a time. The header is the file's own, so the user fixes the cells and
 * uploads this same file again.
 */
export async function* rejectedRowsCsv(
  job: ImportJobRow,
  language: 'es' | 'en'
): AsyncGenerator<string> {
  const lines = await RejectedLines.load(job.file_key)
  const errors = new Map<number, RowError[]>()
  for (const error of ImportJobs.errors(job)) {
    errors.set(error.line, [...(errors.get(error.line) ?? []), error])
  }
  const disk = drive.use()
  const encoding = job.encoding ?? (await detectCsvEncoding(await disk.getStream(job.file_key)))
  const records = csvRecords(await disk.getStream(job.file_key), encoding)
  let header = true
  let chunk = ''
  try {
    for await (const record of records) {
      if (header) {
        header = false
        chunk += '\uFEFF' + csvLine([REJECTION_COLUMN[language], ...record.cells])
        continue
      }
      if (!lines.has(record.line) && !errors.has(record.line)) continue
      chunk += csvLine([describe(errors.get(record.line), language), ...record.cells])
      if (chunk.length > 64 * 1024) {
        yield chunk
        chunk = ''
      }
    }
  } catch (error) {
    // The file cannot be read past a line: its error says so, nothing after it was read.
    if (!(error instanceof CsvFormatError)) throw error
  }
  if (chunk) yield chunk
}

function describe(errors: RowError[] | undefined, language: 'es' | 'en') {
  if (!errors?.length) return UNKEPT[language]
  return errors
    .map((error) => {
      const message = localizedMessage(error, language)
      return error.field ? `${error.field}: ${message}` : message
    })
    .join(' | ')
}
