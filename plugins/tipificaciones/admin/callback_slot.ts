/**
 * Calling hours (seed 001: the agent schedules a callback for a time the client can be called):
 * slots start on the hour from 08:00 to 20:00, in the user's time zone. Plain `Intl`, no React
 * and no dayjs, so the unit tests load it as it is.
 */
export const CALLING_HOURS = { first: 8, last: 20 } as const

/** The wall clock of an instant in a zone (the browser's when none is given). */
function wallClock(now: Date, zone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  }).formatToParts(now)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') }
}

const pad = (value: number, size = 2) => String(value).padStart(size, '0')

/**
 * The default callback time: the next full hour after `now` within calling hours, as a wall
 * clock in `zone` (`2026-11-29T10:00:00`), the way the form's picker holds times. Before 08:00
 * it is 08:00 that day; after the last slot, 08:00 the next day.
 */
export function nextCallbackSlot(now: Date, zone?: string) {
  const wall = wallClock(now, zone)
  let dayOffset = 0
  let hour = wall.hour + 1
  if (hour < CALLING_HOURS.first) hour = CALLING_HOURS.first
  if (hour > CALLING_HOURS.last) {
    hour = CALLING_HOURS.first
    dayOffset = 1
  }
  // the calendar day, rolled over months and years by Date's own arithmetic
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + dayOffset))
  const date = `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`
  return `${date}T${pad(hour)}:00:00`
}
