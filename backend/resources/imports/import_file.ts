import { randomUUID } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import env from '#start/env'
import { TableroError } from '#exceptions/tablero_error'
import { displayName, fileTypeError } from '#services/uploaded_files'
import type { FieldDefinition } from '../types.ts'
import {
  CsvEncodingCheck,
  CsvFormatError,
  csvRecords,
  detectCsvEncoding,
  type CsvEncoding,
} from '../csv_records.ts'
import { headerError, resolveHeader } from './import_columns.ts'
import { hasExtraCells, isBlank, rowBody } from './import_values.ts'

/** The largest import file, IMPORT_MAX_MB (50 by default), read at each upload. */
function importMaxMegabytes() {
  return env.get('IMPORT_MAX_MB', 50)
}
const IMPORT_EXTENSIONS = ['csv', 'txt']
/** What the multipart envelope may add around the file. */
const ENVELOPE_BYTES = 1024 * 1024

/** One data row of an import file as the body of a create. */
export interface ImportRow {
  line: number
  body: Record<string, unknown>
  extraCells: boolean
}

function fileError(message: string, rule: string, status = 422) {
  const code = status === 413 ? 'FILE_TOO_LARGE' : 'VALIDATION_FAILED'
  return new TableroError(code, `file: ${message}`, status, [{ field: 'file', message, rule }], {
    max: `${importMaxMegabytes()} MB`,
  })
}

/**
 * Streams the request's `file` part straight into the drive under
 * `imports/` (the route is left out of the body parser's automatic
 * processing, so nothing goes through memory or the tmp folder), telling
 * its encoding from the bytes on the way: more than IMPORT_MAX_MB is a 413,
 * anything but a .csv or .txt a 422 on `file`.
 */
export async function receiveImportFile(ctx: HttpContext) {
  if (!ctx.request.is(['multipart'])) {
    throw fileError('Upload the CSV as multipart/form-data in the field "file"', 'file')
  }
  const key = `imports/${randomUUID()}.csv`
  const disk = drive.use()
  let received = false
  const encoding = new CsvEncodingCheck()
  const maxBytes = importMaxMegabytes() * 1024 * 1024
  ctx.request.multipart.onFile(
    'file',
    { size: maxBytes, extnames: IMPORT_EXTENSIONS },
    async (part, report) => {
      // One file per import: a second "file" part is drained, not stored.
      if (received) return void part.resume()
      received = true
      part.pause()
      part.on('data', (chunk: Buffer) => {
        report(chunk)
        encoding.push(chunk)
      })
      await disk.putStream(key, part)
    }
  )
  const discard = () => disk.delete(key).catch(() => {})
  try {
    await ctx.request.multipart.process({ limit: maxBytes + ENVELOPE_BYTES })
  } catch (error) {
    await discard()
    throw error
  }
  const file = ctx.request.file('file')
  if (!file) {
    await discard()
    throw fileError('Choose the CSV file to upload', 'required')
  }
  if (!file.isValid) {
    await discard()
    const first = file.errors[0]
    if (first?.type === 'size') {
      throw fileError(`The file is larger than ${importMaxMegabytes()} MB`, 'size', 413)
    }
    if (first?.type === 'extname') throw fileTypeError(file, IMPORT_EXTENSIONS)
    throw fileError(first?.message ?? 'The upload failed', 'file')
  }
  return {
    key,
    filename: displayName(file.clientName, 'importacion'),
    encoding: encoding.end(),
  }
}

/**
 * Opens a stored import file in its encoding (UTF-8, or Windows-1252 as
 * Excel's plain "CSV", see CsvEncodingCheck): reads and checks its header against the
 * resource's fields now (a 422 on `file` when it does not fit), then
 * yields the non-blank data rows one at a time, as the bodies a create
 * takes.
 */
export async function openImportFile(
  key: string,
  fields: Map<string, FieldDefinition>,
  known: CsvEncoding | null
) {
  // Known since the upload; a job stored before that was recorded is read once more.
  const encoding = known ?? (await detectCsvEncoding(await drive.use().getStream(key)))
  const stream = await drive.use().getStream(key)
  const records = csvRecords(stream, encoding)
  let resolved
  try {
    const header = await records.next()
    if (header.done) {
      throw headerError([{ message: 'The file is empty', rule: 'emptyFile', meta: {} }])
    }
    resolved = resolveHeader(fields, header.value.cells)
  } catch (error) {
    stream.destroy()
    if (error instanceof CsvFormatError) {
      throw headerError([{ message: error.message, rule: error.rule, meta: {} }])
    }
    throw error
  }
  const { columns, width } = resolved
  async function* rows(): AsyncGenerator<ImportRow> {
    try {
      for await (const record of records) {
        if (isBlank(record.cells)) continue
        yield {
          line: record.line,
          body: rowBody(columns, record.cells),
          extraCells: hasExtraCells(record.cells, width),
        }
      }
    } finally {
      stream.destroy()
    }
  }
  return { rows: rows(), close: () => stream.destroy() }
}
