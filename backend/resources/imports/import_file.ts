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
import db from '@adonisjs/lucid/services/db'
import { headerError, resolveHeader, type ColumnMapping } from './import_columns.ts'
import { hasExtraCells, isBlank, rowBody } from './import_values.ts'
import type { RowError } from './import_errors.ts'
import { RelationNames } from './relation_names.ts'
import type { ResourceRegistry } from '../resource_registry.ts'

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
  /** why the row cannot be imported as read (a row too wide, a name nobody has): refused with these */
  errors: RowError[]
}

/** Rows whose related records' names are resolved together (RelationNames). */
const NAMES_BATCH = 500

/** How a file is read besides its encoding. */
export interface ImportReading {
  /** the user's column mapping (stored on the job as JSON) */
  mapping?: ColumnMapping | string | null
  /** to resolve related records given by name; without it, relation cells are ids */
  registry?: ResourceRegistry
}

function parseMapping(mapping: ImportReading['mapping']): ColumnMapping | null {
  if (!mapping) return null
  return typeof mapping === 'string' ? (JSON.parse(mapping) as ColumnMapping) : mapping
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
export async function receiveImportFile(ctx: HttpContext, previewFor?: number) {
  if (!ctx.request.is(['multipart'])) {
    throw fileError('Upload the CSV as multipart/form-data in the field "file"', 'file')
  }
  const id = randomUUID()
  // A preview's file waits for `store` under a name only its user can give back (previewedUpload).
  const key = previewFor === undefined ? `imports/${id}.csv` : previewKey(previewFor, id)
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
  const found = encoding.end()
  return {
    key,
    filename: displayName(file.clientName, 'importacion'),
    encoding: found,
    token: `${id}.${found}`,
  }
}

const PREVIEW_TOKEN = /^([0-9a-f-]{36})\.(utf-8|windows-1252|utf-16le|utf-16be)$/

function previewKey(userId: number, id: string) {
  return `imports/preview-${userId}-${id}.csv`
}

/**
 * The file a user sent to `preview` (its token names it and its
 * encoding), for `store` to validate it with the chosen mapping. A token
 * that is not the user's, or whose file is gone, is a 422 on `upload`.
 */
export async function previewedUpload(userId: number, token: unknown, filename: unknown) {
  const match = typeof token === 'string' ? PREVIEW_TOKEN.exec(token) : null
  const key = match ? previewKey(userId, match[1]) : null
  if (!match || !key || !(await drive.use().exists(key))) {
    throw new TableroError(
      'VALIDATION_FAILED',
      'upload: Upload the file again: this preview is not yours or has expired',
      422,
      [{ field: 'upload', message: 'Upload the file again', rule: 'exists' }]
    )
  }
  return {
    key,
    filename: displayName(typeof filename === 'string' ? filename : '', 'importacion'),
    encoding: match[2] as CsvEncoding,
  }
}

/** Rows a preview shows. */
export const PREVIEW_ROWS = 5

/**
 * The header and the first PREVIEW_ROWS non-blank records of a stored
 * file, reading no further (the stream is closed after them). Each cell
 * is cut to 200 characters and each record to the header's width (a row
 * of 10,000 cells shows as wide as the header).
 */
export async function readFirstRecords(key: string, encoding: CsvEncoding) {
  const stream = await drive.use().getStream(key)
  const records = csvRecords(stream, encoding)
  const cut = (cells: string[], width: number) =>
    cells.slice(0, width).map((cell) => cell.slice(0, 200))
  try {
    const first = await records.next()
    if (first.done || first.value.problem) {
      const problem = first.done
        ? { message: 'The file is empty', rule: 'emptyFile' }
        : first.value.problem!
      throw headerError([{ ...problem, meta: {} }])
    }
    const header = first.value.cells
    const rows: { line: number; cells: string[] }[] = []
    while (rows.length < PREVIEW_ROWS) {
      const next = await records.next()
      if (next.done) break
      if (next.value.problem || isBlank(next.value.cells)) continue
      rows.push({ line: next.value.line, cells: cut(next.value.cells, header.length) })
    }
    return { header: cut(header, header.length), rows }
  } catch (error) {
    if (error instanceof CsvFormatError) {
      throw headerError([{ message: error.message, rule: error.rule, meta: {} }])
    }
    throw error
  } finally {
    await records.return(undefined)
    stream.destroy()
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
  known: CsvEncoding | null,
  reading: ImportReading = {}
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
    if (header.value.problem) {
      const { message, rule } = header.value.problem
      throw new CsvFormatError(header.value.line, message, rule)
    }
    resolved = resolveHeader(fields, header.value.cells, parseMapping(reading.mapping))
  } catch (error) {
    stream.destroy()
    if (error instanceof CsvFormatError) {
      throw headerError([{ message: error.message, rule: error.rule, meta: {} }])
    }
    throw error
  }
  const { columns, width } = resolved
  const names = reading.registry ? new RelationNames(reading.registry, columns) : null
  async function* named(batch: ImportRow[]) {
    if (names && !names.empty) await names.resolve(batch, db.connection())
    yield* batch
  }
  async function* rows(): AsyncGenerator<ImportRow> {
    let batch: ImportRow[] = []
    try {
      try {
        for await (const record of records) {
          if (record.problem) {
            const { message, rule } = record.problem
            const errors = [{ line: record.line, field: null, message, rule }]
            batch.push({ line: record.line, body: {}, extraCells: false, errors })
          } else if (!isBlank(record.cells)) {
            batch.push({
              line: record.line,
              body: rowBody(columns, record.cells),
              extraCells: hasExtraCells(record.cells, width),
              errors: [],
            })
          }
          if (batch.length < NAMES_BATCH) continue
          yield* named(batch)
          batch = []
        }
      } catch (error) {
        if (!(error instanceof CsvFormatError)) throw error
        // The file cannot be read past a broken record: the rows before it still count.
        yield* named(batch)
        throw error
      }
      yield* named(batch)
    } finally {
      stream.destroy()
    }
  }
  return { rows: rows(), close: () => stream.destroy() }
}
