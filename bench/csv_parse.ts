/**
 * npm run bench -- --only csv — the hand-written CSV reader the import
 * used (kept in bench/csv_hand_written.ts) against the import's reader on
 * csv-parse (backend/resources/csv_records.ts) on the same
 * 200,000-row file, read from disk in chunks as an import reads it, with
 * the settings an import needs (BOM, `;` found in the header, quoted cells
 * with separators and line breaks, line numbers). Prints rows/s of each
 * and the ratio: issue 13 keeps the hand-written reader only if the
 * library costs more than 10 % of an import.
 */
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { csvRecords as handWrittenRecords } from './csv_hand_written.ts'
import { csvRecords } from '../backend/resources/csv_records.ts'

const ROWS = 200_000
const FILE = 'tmp/bench/csv_parse_200k.csv'
const ROUNDS = 3

/** A Spanish-locale Excel export: BOM, `;`, CRLF, some quoted cells. */
function writeFile() {
  if (existsSync(FILE)) return
  mkdirSync('tmp/bench', { recursive: true })
  const lines = ['\uFEFFnombre;apellidos;documento;teléfono;email;ciudad;notas']
  for (let i = 0; i < ROWS; i++) {
    const note = i % 10 === 0 ? `"dijo ""vuelva""; llamar\r\nel lunes"` : `cliente ${i}`
    lines.push(
      `Nombre${i};"Peña; García";${10_000_000 + i}X;+3460${String(i).padStart(7, '0')};` +
        `c${i}@example.com;Madrid;${note}`
    )
  }
  writeFileSync(FILE, lines.join('\r\n') + '\r\n')
}

async function handWritten() {
  let rows = 0
  for await (const record of handWrittenRecords(createReadStream(FILE)))
    rows += record.line > 0 ? 1 : 0
  return rows
}

/** The import's reader today (backend/resources/csv_records.ts), on csv-parse. */
async function library() {
  let rows = 0
  for await (const record of csvRecords(createReadStream(FILE))) rows += record.line > 0 ? 1 : 0
  return rows
}

async function rowsPerSecond(read: () => Promise<number>) {
  let best = 0
  let rows = 0
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint()
    rows = await read()
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    best = Math.max(best, rows / seconds)
  }
  return { rows, perSecond: best }
}

export async function benchCsvParse() {
  writeFile()
  const own = await rowsPerSecond(handWritten)
  const lib = await rowsPerSecond(library)
  if (own.rows !== lib.rows) throw new Error(`row counts differ: ${own.rows} vs ${lib.rows}`)
  const fmt = (value: number) => Math.round(value).toLocaleString('en')
  console.log(`\n=== CSV parse, ${fmt(own.rows)} rows (${FILE}), best of ${ROUNDS}`)
  console.log(`hand-written csvRecords: ${fmt(own.perSecond)} rows/s`)
  console.log(`csv-parse:               ${fmt(lib.perSecond)} rows/s`)
  console.log(`ratio (hand-written / csv-parse): ${(own.perSecond / lib.perSecond).toFixed(2)}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCsvParse()
