import { DateTime } from 'luxon'
import { fieldInputError } from './errors.ts'

/**
 * The years a date or date-time may have: what MySQL/MariaDB DATE and
 * DATETIME columns hold (a year past 9999 is refused by the database with
 * ER_TRUNCATED_WRONG_VALUE, one before 1000 is unsupported), enforced the
 * same on SQLite, which would store any text.
 */
export const YEARS = { min: 1000, max: 9999 }

/** "+275760-09-13…", "10000-01-01…": ISO 8601's expanded years, always out of range. */
const EXPANDED_YEAR = /^(?:[+-]\d{4,}|\d{5,})-/

function yearError(path: string) {
  return fieldInputError(
    path,
    `The year must be between ${YEARS.min} and ${YEARS.max}`,
    'yearRange',
    YEARS
  )
}

function inRange(year: number) {
  return year >= YEARS.min && year <= YEARS.max
}

/**
 * A calendar date "YYYY-MM-DD" from untrusted input, checked to be real
 * and within YEARS; anything else is a 422 naming `path`.
 */
export function parseDateInput(value: unknown, path: string): string {
  if (typeof value === 'string' && EXPANDED_YEAR.test(value)) throw yearError(path)
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw fieldInputError(path, 'Expected a date YYYY-MM-DD', 'date')
  }
  if (!DateTime.fromISO(value).isValid) throw fieldInputError(path, 'Not a real date', 'date')
  if (!inRange(Number(value.slice(0, 4)))) throw yearError(path)
  return value
}

/**
 * An ISO 8601 date-time from untrusted input, in UTC, whose UTC year is
 * within YEARS (9999-12-31T23:00-05:00 is already year 10000 in UTC, where
 * it is stored); anything else is a 422 naming `path`.
 */
export function parseDateTimeInput(value: unknown, path: string): DateTime {
  if (typeof value === 'string' && EXPANDED_YEAR.test(value)) throw yearError(path)
  const parsed = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : null
  if (!parsed || !parsed.isValid) {
    throw fieldInputError(path, 'Expected an ISO date-time', 'datetime')
  }
  const utc = parsed.toUTC()
  if (!inRange(utc.year)) throw yearError(path)
  return utc
}
