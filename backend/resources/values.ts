import { DateTime } from 'luxon'
import type { FieldDefinition } from './types.ts'
import { fieldInputError } from './errors.ts'
import { parseDateInput, parseDateTimeInput } from './date_input.ts'
import { checkText } from './field_rules.ts'

/**
 * Turns an untrusted JSON value into what the column stores, or throws a
 * 422 naming the path. Dates come as ISO strings (years 1000–9999, see
 * date_input.ts) and are stored in UTC; booleans are stored as 1/0 (SQLite
 * cannot bind booleans).
 */
export function coerceValue(field: FieldDefinition, value: unknown, path: string): unknown {
  if (value === null) return field.type === 'relations' ? [] : null
  switch (field.type) {
    case 'relations':
      return coerceIds(value, path)
    case 'number':
    case 'relation': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
        throw fieldInputError(path, 'Expected a whole number', 'number')
      }
      return number
    }
    case 'decimal': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      if (typeof number !== 'number' || !Number.isFinite(number)) {
        throw fieldInputError(path, 'Expected a number', 'number')
      }
      return number
    }
    case 'boolean': {
      if (value === true || value === 1 || value === 'true') return 1
      if (value === false || value === 0 || value === 'false') return 0
      throw fieldInputError(path, 'Expected true or false', 'boolean')
    }
    case 'date':
      return parseDateInput(value, path)
    case 'multiselect': {
      const list = Array.isArray(value) ? value : [value]
      for (const [i, item] of list.entries()) {
        if (typeof item !== 'string' || !field.options?.some((option) => option.value === item)) {
          throw fieldInputError(
            `${path}[${i}]`,
            `"${String(item)}" is not one of the options`,
            'enum'
          )
        }
      }
      // Stored as ",a,b," so that "has b" is LIKE '%,b,%'.
      return list.length > 0 ? `,${[...new Set(list as string[])].join(',')},` : null
    }
    case 'datetime':
      return parseDateTimeInput(value, path).toFormat('yyyy-LL-dd HH:mm:ss')
    default: {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw fieldInputError(path, 'Expected a text', 'string')
      }
      const text = String(value)
      checkText(field, text, path)
      if (field.type === 'select' && !field.options?.some((option) => option.value === text)) {
        throw fieldInputError(path, `"${text}" is not one of the options`, 'enum')
      }
      return text
    }
  }
}

/** Most records one `relations` write may link (a profile's campaigns are a few dozen). */
export const MAX_LINKS = 500

/**
 * The ids of a `relations` write: whole numbers (or their digits as text),
 * each once, in ascending order so that the same set always reads the same.
 */
export function coerceIds(value: unknown, path: string): number[] {
  if (!Array.isArray(value)) throw fieldInputError(path, 'Expected a list of ids', 'array')
  if (value.length > MAX_LINKS) {
    throw fieldInputError(path, `At most ${MAX_LINKS} ids`, 'arrayLength', { max: MAX_LINKS })
  }
  const ids = value.map((item, i) => coerceId(item, `${path}[${i}]`))
  return [...new Set(ids)].sort((a, b) => a - b)
}

/** One id of a relations field (a write's element, a filter's operand). */
export function coerceId(value: unknown, path: string): number {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    throw fieldInputError(path, 'Expected an id (a whole number)', 'number')
  }
  return number
}

/**
 * Reads a row from the database into API values: booleans as booleans,
 * dates as ISO strings in UTC.
 */
export function presentValue(field: FieldDefinition, value: unknown): unknown {
  // The links a relations field holds, loaded beside the row (relation_links.ts).
  if (field.type === 'relations') return Array.isArray(value) ? value : []
  if (value === null || value === undefined) return null
  switch (field.type) {
    case 'boolean':
      return Boolean(Number(value))
    case 'number':
    case 'relation':
    case 'decimal':
      return Number(value)
    case 'multiselect':
      return String(value).split(',').filter(Boolean)
    case 'date':
      return value instanceof Date
        ? DateTime.fromJSDate(value, { zone: 'utc' }).toISODate()
        : String(value).slice(0, 10)
    case 'datetime':
      return presentDateTime(value)
    default:
      return value
  }
}

/** Passwords are written, never read: they are neither selected nor shown. */
export function presentRow(fields: Map<string, FieldDefinition>, row: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const field of fields.values()) {
    if (field.type !== 'password') out[field.name] = presentValue(field, row[field.name])
  }
  return out
}

/** What a field set's list rows need: the selected columns, and the fields whose cells may change. */
interface RowShape {
  columns: string[]
  presented: FieldDefinition[]
}

/** Types whose stored value is the API's value as it is (presentValue returns it). */
const STORED_AS_SHOWN = new Set(['text', 'textarea', 'email', 'phone', 'url', 'select'])
const rowShapes = new WeakMap<Map<string, FieldDefinition>, RowShape>()

function rowShapeOf(fields: Map<string, FieldDefinition>) {
  let shape = rowShapes.get(fields)
  if (!shape) {
    const shown = [...fields.values()].filter((field) => field.type !== 'password')
    shape = {
      columns: shown.map((field) => field.name),
      presented: shown.filter((field) => !STORED_AS_SHOWN.has(field.type)),
    }
    rowShapes.set(fields, shape)
  }
  return shape
}

/** A cell presentValue would hand back unchanged. */
function shownAsStored(field: FieldDefinition, value: unknown) {
  if (value === null) return true
  switch (field.type) {
    case 'number':
    case 'relation':
    case 'decimal':
      return typeof value === 'number'
    case 'date':
      return typeof value === 'string' && value.length === 10
    default:
      return false
  }
}

/**
 * The rows of one list query as the API answers them, the same as
 * `rows.map((row) => presentRow(fields, row))`. When the driver's rows hold
 * exactly the field set's columns in its order (the list selects them so,
 * and every row of one result set has the first row's keys), each row is
 * answered as it came, with only the cells that need presenting (booleans,
 * dates, multiselects, numbers the driver gave as text) replaced: a
 * new object per row of twenty-odd keys was a tenth of a list's CPU.
 * Rows of any other shape are presented one by one.
 */
export function presentRows(fields: Map<string, FieldDefinition>, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return rows
  const { columns, presented } = rowShapeOf(fields)
  if (!sameKeys(rows[0], columns)) return rows.map((row) => presentRow(fields, row))
  for (const row of rows) {
    for (const field of presented) {
      const value = row[field.name]
      if (!shownAsStored(field, value)) row[field.name] = presentValue(field, value)
    }
  }
  return rows
}

function sameKeys(row: Record<string, unknown>, columns: string[]) {
  const keys = Object.keys(row)
  if (keys.length !== columns.length) return false
  for (let i = 0; i < keys.length; i++) if (keys[i] !== columns[i]) return false
  return true
}

const SQL_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,9}))?$/

/**
 * A stored UTC date-time as ISO 8601 with a Z, milliseconds only when
 * there are some: "2026-11-25 12:00:00" → "2026-11-25T12:00:00Z". The
 * usual shapes (a Date from mysql2, SQLite's "YYYY-MM-DD HH:MM:SS[.fff]")
 * are formatted by hand: luxon's parser took a tenth of a list request's
 * CPU. Anything else goes through luxon (which reads 24:00 as the next
 * day), and what luxon cannot read either (February 30) is returned as
 * stored.
 */
export function presentDateTime(value: unknown): string {
  if (value instanceof Date) {
    const year = value.getUTCFullYear()
    if (Number.isNaN(year)) return String(value)
    if (year < 0 || year > 9999)
      return fromLuxon(DateTime.fromJSDate(value, { zone: 'utc' }), value)
    return isoFromEpoch(value.getTime())
  }
  const text = String(value)
  if (isPlainSqlDateTime(text)) return `${text.slice(0, 10)}T${text.slice(11)}Z`
  const match = SQL_DATETIME.exec(text)
  if (!match || !isRealTime(match)) return fromLuxon(DateTime.fromSQL(text, { zone: 'utc' }), text)
  const [, year, month, day, hour, minute, second = '00', fraction = ''] = match
  const milliseconds = fraction.padEnd(3, '0').slice(0, 3)
  const time = `${year}-${month}-${day}T${hour}:${minute}:${second}`
  return milliseconds === '000' ? `${time}Z` : `${time}.${milliseconds}Z`
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** The digit at `index` of `text`, or -1. */
function digitAt(text: string, index: number) {
  const code = text.charCodeAt(index) - 48
  return code >= 0 && code <= 9 ? code : -1
}

function twoDigitsAt(text: string, index: number) {
  const tens = digitAt(text, index)
  const units = digitAt(text, index + 1)
  return tens < 0 || units < 0 ? -1 : tens * 10 + units
}

/**
 * "YYYY-MM-DD HH:MM:SS", a real instant, no fraction: what SQLite holds for
 * nearly every stored date-time, checked by character codes (the regular
 * expression and its groups were a twentieth of a SQLite list request).
 */
function isPlainSqlDateTime(text: string) {
  if (text.length !== 19) return false
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== ' ') return false
  if (text[13] !== ':' || text[16] !== ':') return false
  const century = twoDigitsAt(text, 0)
  const yearOfCentury = twoDigitsAt(text, 2)
  const month = twoDigitsAt(text, 5)
  const day = twoDigitsAt(text, 8)
  const hour = twoDigitsAt(text, 11)
  const minute = twoDigitsAt(text, 14)
  const second = twoDigitsAt(text, 17)
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return false
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false
  const year = century * 100 + yearOfCentury
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])
}

function isRealTime(match: RegExpExecArray) {
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]
  return (
    day <= days && Number(match[4]) <= 23 && Number(match[5]) <= 59 && Number(match[6] ?? 0) <= 59
  )
}

const MS_PER_DAY = 86_400_000

function twoDigits(value: number) {
  return value < 10 ? `0${value}` : String(value)
}

/**
 * Milliseconds since 1970 (years 0–9999) as "YYYY-MM-DDTHH:MM:SS[.mmm]Z",
 * the civil date worked out by arithmetic (Howard Hinnant's days-to-civil):
 * a third of what Date#toISOString costs, and a list presents three
 * date-times a row.
 */
export function isoFromEpoch(epochMs: number) {
  const days = Math.floor(epochMs / MS_PER_DAY)
  let rest = epochMs - days * MS_PER_DAY
  const shifted = days + 719_468
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / 60_000)
  rest -= minutes * 60_000
  const seconds = Math.floor(rest / 1000)
  const milliseconds = rest - seconds * 1000
  const time =
    `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}` +
    `T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}`
  return milliseconds === 0 ? `${time}Z` : `${time}.${String(milliseconds).padStart(3, '0')}Z`
}

function fromLuxon(parsed: DateTime, original: unknown) {
  return parsed.isValid ? parsed.toISO({ suppressMilliseconds: true })! : String(original)
}
