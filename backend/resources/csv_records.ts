import { Readable, pipeline } from 'node:stream'
import { CsvError, parse, type Options } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'

/** One record of a CSV file and the file line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number
  cells: string[]
  /**
   * Why this record cannot be read (too many cells, a cell too long, bytes
   * that are not text): the reading goes on with the next record, and the
   * record is refused on its own line. Its cells are cut to MAX_CELLS.
   */
  problem?: { message: string; rule: string }
}

/** A file that cannot be read as CSV from `line` on: the reading stops there. */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly rule: string
  ) {
    super(message)
  }
}

const MAX_CELL_CHARS = 100_000
const MAX_CELLS = 2_000
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'

/**
 * UTF-16 when the file starts with its byte order mark (FF FE little
 * endian, FE FF big endian: Excel's "Unicode text"), else UTF-8 when every
 * byte of the file is valid UTF-8, else Windows-1252: what Excel in a
 * Spanish locale writes when one saves "CSV" (not "CSV UTF-8"), where
 * "Peña" is the single byte 0xF1. Fed the bytes as they pass (an upload on
 * its way to the drive), it keeps only the decoder's state.
 */
export class CsvEncodingCheck {
  #decoder = new TextDecoder('utf-8', { fatal: true })
  #utf8 = true
  /** The first two bytes, until both were seen. */
  #start: number[] = []
  #utf16: CsvEncoding | null = null

  push(chunk: Buffer) {
    if (this.#start.length < 2) {
      for (const byte of chunk.subarray(0, 2 - this.#start.length)) this.#start.push(byte)
      if (this.#start.length === 2) {
        const [first, second] = this.#start
        if (first === 0xff && second === 0xfe) this.#utf16 = 'utf-16le'
        if (first === 0xfe && second === 0xff) this.#utf16 = 'utf-16be'
      }
    }
    if (this.#utf16 || !this.#utf8) return
    try {
      this.#decoder.decode(chunk, { stream: true })
    } catch {
      this.#utf8 = false
    }
  }

  /** The encoding, once every byte was pushed. */
  end(): CsvEncoding {
    if (this.#utf16) return this.#utf16
    if (this.#utf8) {
      try {
        this.#decoder.decode()
      } catch {
        this.#utf8 = false
      }
    }
    return this.#utf8 ? 'utf-8' : 'windows-1252'
  }
}

/** CsvEncodingCheck over a whole stream (a stored file whose encoding is not known). */
export async function detectCsvEncoding(source: AsyncIterable<Buffer>): Promise<CsvEncoding> {
  const check = new CsvEncodingCheck()
  for await (const chunk of source) check.push(chunk)
  return check.end()
}

/** How much of the first line decides the separator when it has no end. */
const SNIFF_CHARS = 64 * 1024
/** A record longer than this (an unclosed quote running to the end) stops the reading. */
const MAX_RECORD_CHARS = 1_000_000

/**
 * The separator of a file: `;` when the header line holds more of them
 * than `,` (spreadsheets in Spanish locales write `;`), else `,`.
 */
function separatorOf(head: string) {
  const end = head.indexOf('\n')
  const firstLine = end === -1 ? head : head.slice(0, end)
  return firstLine.split(';').length > firstLine.split(',').length ? ';' : ','
}

/** csv-parse as every reading uses it: RFC 4180, BOM dropped, CRLF, LF or CR. */
function parserOptions(delimiter: string): Options {
  return {
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
  }
}

type Parsed = { record: string[]; info: { lines: number } }

/**
 * Our checks on each record csv-parse reads, with the line it starts on
 * (the line after the previous record's last: blank lines are records).
 */
class RecordChecks {
  line = 1

  accept({ record, info }: Parsed): CsvRecord {
    const line = this.line
    this.line = info.lines + 1
    if (record.length > MAX_CELLS) {
      // Only the record being read is held (csv-parse stops at MAX_RECORD_CHARS):
      // its cells past MAX_CELLS are dropped at once.
      const problem = { message: `A row has more than ${MAX_CELLS} cells`, rule: 'cellCount' }
      return { line, cells: record.slice(0, MAX_CELLS), problem }
    }
    if (record.some((cell) => cell.length > MAX_CELL_CHARS)) {
      const message = `A cell is longer than ${MAX_CELL_CHARS} characters (an unclosed quote?)`
      return { line, cells: [], problem: { message, rule: 'cellLength' } }
    }
    if (record.some((cell) => cell.includes('\uFFFD'))) {
      const message = 'The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again'
      return { line, cells: [], problem: { message, rule: 'encoding' } }
    }
    // A line break inside a quoted cell is stored as "\n", whatever the file used.
    const cells = record.map((cell) => (cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell))
    return { line, cells }
  }

  /** csv-parse's refusal as ours, on the line the broken record starts. */
  refuse(error: unknown): never {
    if (!(error instanceof CsvError)) throw error
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new CsvFormatError(
        this.line,
        'A quoted cell is never closed: check the quotes of this row',
        'quote'
      )
    }
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      throw new CsvFormatError(
        this.line,
        `A row is longer than ${MAX_RECORD_CHARS} characters (an unclosed quote?)`,
        'cellLength'
      )
    }
    throw new CsvFormatError(this.line, error.message, 'csv')
  }
}

/** The text of a byte stream, decoded as it passes. */
async function* decoded(source: AsyncIterable<Buffer | string>, encoding: CsvEncoding) {
  // Not fatal: a byte that is not UTF-8 becomes U+FFFD and the record
  // holding it is refused with its own line number.
  const decoder = new TextDecoder(encoding)
  for await (const chunk of source) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

/**
 * Reads CSV records one at a time from a byte stream with csv-parse:
 * RFC 4180 (quoted cells holding separators, doubled quotes and line
 * breaks; CRLF, LF or CR), a UTF-8 BOM dropped, the separator `,` or `;`
 * chosen from the header line as `parseCsv` does. Only the record being
 * read is held in memory, so a 50 MB file costs what its longest row does.
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer | string>,
  encoding: CsvEncoding = 'utf-8'
): AsyncGenerator<CsvRecord> {
  const text = decoded(source, encoding)
  // Read by hand: leaving a for-await loop would close the stream.
  let head = ''
  while (!head.includes('\n') && !head.includes('\r') && head.length < SNIFF_CHARS) {
    const next = await text.next()
    if (next.done) break
    head += next.value
  }
  async function* whole() {
    yield head
    yield* text
  }
  const parser = parse(parserOptions(separatorOf(head)))
  // One pipeline: destroying the parser (the reading stopped) ends the
  // source, and a source closed under it (an import cancelled) ends the
  // parser, never an unhandled stream error.
  pipeline(Readable.from(whole()), parser, () => {})
  const checks = new RecordChecks()
  try {
    for await (const parsed of parser as AsyncIterable<Parsed>) yield checks.accept(parsed)
  } catch (error) {
    if (error instanceof CsvFormatError) throw error
    checks.refuse(error)
  } finally {
    parser.destroy()
  }
}

/**
 * The same reading of a text already in memory (a small upload such as a
 * result tree): every non-blank record with the line it starts on.
 */
export function parseCsvText(text: string): CsvRecord[] {
  const checks = new RecordChecks()
  const records: CsvRecord[] = []
  const separator = separatorOf(text.replace(/^\uFEFF/, ''))
  try {
    parseSync(text, {
      ...parserOptions(separator),
      info: false,
      on_record: (record: string[], context) => {
        const accepted = checks.accept({ record, info: { lines: context.lines } })
        // A small upload is read whole: its first unreadable record refuses it.
        if (accepted.problem) {
          const { message, rule } = accepted.problem
          throw new CsvFormatError(accepted.line, message, rule)
        }
        records.push(accepted)
        return null
      },
    })
  } catch (error) {
    if (error instanceof CsvFormatError) throw error
    checks.refuse(error)
  }
  return records.filter((record) => record.cells.some((cell) => cell.trim() !== ''))
}
