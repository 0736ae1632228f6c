import { DateTime, IANAZone } from 'luxon'
import { parseDateInput } from '#resources/date_input'
import { toSqlDateTime } from '#services/audit_log'

/**
 * A range of instants as stored (UTC 'yyyy-MM-dd HH:mm:ss'): `start` is
 * included, `end` is not. Either may be absent (an open range).
 */
export interface InstantRange {
  start?: string
  end?: string
}

/**
 * Turns the days a person picks (`from` and `to`, both `YYYY-MM-DD` and
 * both included) into the UTC instants that bound them in that person's
 * time zone: `from` starts at its local midnight, `to` ends where the next
 * local day starts. Cut in UTC instead, a Bogotá user's "today" would end
 * at 19:00 local and pick up the evening before.
 * A day that is not a calendar date, or outside YEARS, is a 422 on its field.
 */
export function localDayRange(
  days: { from?: unknown; to?: unknown },
  zone: string | null | undefined
): InstantRange {
  const where = zone && IANAZone.isValidZone(zone) ? zone : 'UTC'
  const start = localDay(days.from, 'from', where)
  const last = localDay(days.to, 'to', where)
  return {
    start: start ? toSqlDateTime(start) : undefined,
    end: last ? toSqlDateTime(last.plus({ days: 1 })) : undefined,
  }
}

/** Applies an InstantRange to a date-time column: `start <= column < end`. */
export function whereWithin(
  query: { where(column: string, operator: string, value: string): unknown },
  column: string,
  range: InstantRange
) {
  if (range.start) query.where(column, '>=', range.start)
  if (range.end) query.where(column, '<', range.end)
}

function localDay(value: unknown, field: string, zone: string) {
  if (value === undefined || value === null || value === '') return undefined
  return DateTime.fromISO(parseDateInput(value, field), { zone }).startOf('day')
}
