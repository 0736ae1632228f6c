/** The hand-written CSV reader the import used before csv-parse, kept only so bench/csv_parse.ts can compare them. */
/** One record of a CSV file and the file line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number
  cells: string[]
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
export type CsvEncoding = 'utf-8' | 'windows-1252'

/**
 * UTF-8 when every byte of the file is valid UTF-8, else Windows-1252:
 * what Excel in a Spanish locale writes when one saves "CSV" (not "CSV
 * UTF-8"), where "Peña" is the single byte 0xF1. Fed the bytes as they
 * pass (an upload on its way to the drive), it keeps only the decoder's
 * state.
 */
export class CsvEncodingCheck {
  #decoder = new TextDecoder('utf-8', { fatal: true })
  #utf8 = true

  push(chunk: Buffer) {
    if (!this.#utf8) return
    try {
      this.#decoder.decode(chunk, { stream: true })
    } catch {
      this.#utf8 = false
    }
  }

  /** The encoding, once every byte was pushed. */
  end(): CsvEncoding {
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

type State = 'start' | 'unquoted' | 'quoted' | 'quoteInQuoted'

/**
 * Reads CSV records one at a time from a byte stream: RFC 4180 (quoted
 * cells holding separators, doubled quotes and line breaks; CRLF, LF or
 * CR), a UTF-8 BOM dropped, the separator `,` or `;` chosen from the
 * header line as `parseCsv` does (spreadsheets in Spanish locales write
 * `;`). Only the record being read is held in memory, so a 50 MB file
 * costs what its longest row does.
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer | string>,
  encoding: CsvEncoding = 'utf-8'
): AsyncGenerator<CsvRecord> {
  // Not fatal: a byte that is not UTF-8 becomes U+FFFD and the record
  // holding it is refused with its own line number.
  const decoder = new TextDecoder(encoding)
  const parser = new CsvParser()
  let carriedCr = false
  let head = ''
  // Line breaks become "\n" before parsing; a CR at a chunk's end waits for
  // the next chunk, which may start with its LF.
  const normalize = (text: string, last: boolean) => {
    let out = carriedCr ? '\r' + text : text
    carriedCr = !last && out.endsWith('\r')
    if (carriedCr) out = out.slice(0, -1)
    return out.replace(/\r\n?/g, '\n')
  }
  for await (const chunk of source) {
    let text = normalize(
      typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }),
      false
    )
    if (!parser.separator) {
      head += text
      if (!head.includes('\n') && head.length < SNIFF_CHARS) continue
      text = parser.start(head)
      head = ''
    }
    yield* parser.push(text)
  }
  let rest = normalize(decoder.decode(), true)
  if (!parser.separator) rest = parser.start(head + rest)
  yield* parser.push(rest)
  yield* parser.end()
}

/**
 * The same reading of a text already in memory (a small upload such as a
 * result tree): every non-blank record with the line it starts on.
 */
export function parseCsvText(text: string): CsvRecord[] {
  const parser = new CsvParser()
  const input = parser.start(text.replace(/\r\n?/g, '\n'))
  return [...parser.push(input), ...parser.end()].filter((record) =>
    record.cells.some((cell) => cell.trim() !== '')
  )
}

/**
 * The RFC 4180 state machine over text whose line breaks are "\n".
 */
class CsvParser {
  separator: string | null = null
  line = 1
  #recordLine = 1
  #state: State = 'start'
  #cell = ''
  #cells: string[] = []

  /** Picks the separator from the first line; answers the text without its BOM. */
  start(text: string) {
    const input = text.replace(/^\uFEFF/, '')
    const end = input.indexOf('\n')
    const firstLine = end === -1 ? input : input.slice(0, end)
    const semicolons = firstLine.split(';').length
    const commas = firstLine.split(',').length
    this.separator = semicolons > commas ? ';' : ','
    return input
  }

  *push(text: string): Generator<CsvRecord> {
    const separator = this.separator!
    for (const char of text) {
      if (this.#state === 'quoted') {
        if (char === '"') this.#state = 'quoteInQuoted'
        else this.#append(char)
        continue
      }
      if (this.#state === 'quoteInQuoted') {
        if (char === '"') {
          this.#append('"')
          this.#state = 'quoted'
          continue
        }
        // The closing quote: what follows is read as unquoted text.
        this.#state = 'unquoted'
      }
      if (char === separator) {
        this.#endCell()
      } else if (char === '\n') {
        this.#endCell()
        yield this.#endRecord()
        this.line += 1
        this.#recordLine = this.line
      } else if (char === '"' && this.#state === 'start') {
        this.#state = 'quoted'
      } else {
        this.#append(char)
        this.#state = 'unquoted'
      }
    }
  }

  *end(): Generator<CsvRecord> {
    if (this.#state === 'quoted') {
      throw new CsvFormatError(
        this.#recordLine,
        'A quoted cell is never closed: check the quotes of this row',
        'quote'
      )
    }
    if (this.#cell !== '' || this.#cells.length > 0 || this.#state !== 'start') {
      this.#endCell()
      yield this.#endRecord()
    }
  }

  #append(char: string) {
    if (char === '\n') this.line += 1
    this.#cell += char
    if (this.#cell.length > MAX_CELL_CHARS) {
      throw new CsvFormatError(
        this.#recordLine,
        `A cell is longer than ${MAX_CELL_CHARS} characters (an unclosed quote?)`,
        'cellLength'
      )
    }
  }

  #endCell() {
    this.#cells.push(this.#cell)
    this.#cell = ''
    this.#state = 'start'
    if (this.#cells.length > MAX_CELLS) {
      throw new CsvFormatError(
        this.#recordLine,
        `A row has more than ${MAX_CELLS} cells`,
        'cellCount'
      )
    }
  }

  #endRecord(): CsvRecord {
    if (this.#cells.some((cell) => cell.includes('\uFFFD'))) {
      throw new CsvFormatError(
        this.#recordLine,
        'The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again',
        'encoding'
      )
    }
    const record = { line: this.#recordLine, cells: this.#cells }
    this.#cells = []
    return record
  }
}
