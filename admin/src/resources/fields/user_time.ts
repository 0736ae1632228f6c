import dayjs, { type Dayjs } from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * The API speaks ISO instants in UTC; people read and type times in their own time zone (K12),
 * which is the profile's `timezone`, not necessarily the browser's.
 *
 * antd pickers work on dayjs values in the browser's zone. Rather than teaching them another zone,
 * a datetime travels through the picker as a "wall clock": the picker shows 09:30 because the
 * user's zone reads 09:30 at that instant, and whatever the user picks is read back in that zone.
 */
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss'
const DATE = 'YYYY-MM-DD'

/** An ISO instant as the picker value that shows its wall-clock time in `zone`. */
export function instantToPicker(iso: unknown, zone: string): Dayjs | null {
  if (typeof iso !== 'string' || iso === '') return null
  const instant = dayjs.utc(iso)
  if (!instant.isValid()) return null
  return dayjs(safeZoned(instant, zone).format(WALL_CLOCK))
}

/** The instant a picked wall-clock time stands for in `zone`, as ISO UTC without milliseconds. */
export function pickerToInstant(value: Dayjs | null | undefined, zone: string): string | null {
  if (!value || !value.isValid()) return null
  const wallClock = value.format(WALL_CLOCK)
  const instant = isZone(zone) ? dayjs.tz(wallClock, zone) : dayjs(wallClock)
  return instant.utc().format('YYYY-MM-DDTHH:mm:ss[Z]')
}

/** A calendar date (`YYYY-MM-DD`, no zone) as a picker value. */
export function dateToPicker(date: unknown): Dayjs | null {
  if (typeof date !== 'string' || date === '') return null
  const value = dayjs(date.slice(0, 10))
  return value.isValid() ? value : null
}

export function pickerToDate(value: Dayjs | null | undefined): string | null {
  return value && value.isValid() ? value.format(DATE) : null
}

/** Four-digit years: "08/11/68" would leave a birth date's century to guesswork. */
const DATE_PARTS: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' }

/** `23/11/2026, 09:30` in the user's zone and language. */
export function formatInstant(iso: unknown, zone: string, locale: string) {
  if (typeof iso !== 'string' || iso === '') return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  const options: Intl.DateTimeFormatOptions = { ...DATE_PARTS, hour: '2-digit', minute: '2-digit' }
  if (isZone(zone)) options.timeZone = zone
  return new Intl.DateTimeFormat(locale, options).format(date)
}

/** A calendar date in the user's language; it has no zone, so none is applied. */
export function formatDate(date: unknown, locale: string) {
  if (typeof date !== 'string' || date === '') return ''
  const value = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(value.getTime())) return String(date)
  return new Intl.DateTimeFormat(locale, { ...DATE_PARTS, timeZone: 'UTC' }).format(value)
}

/** Profiles may carry a zone the browser does not know; times then stay in the browser's zone. */
function isZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return Boolean(zone)
  } catch {
    return false
  }
}

function safeZoned(instant: Dayjs, zone: string) {
  return isZone(zone) ? instant.tz(zone) : instant.local()
}
