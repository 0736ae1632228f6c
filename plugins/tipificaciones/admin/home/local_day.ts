import type { HomeWidgetProps } from '@tablero/admin'
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { useState } from 'react'

dayjs.extend(utc)
dayjs.extend(timezone)

const INSTANT = 'YYYY-MM-DDTHH:mm:ss[Z]'

function knownZone(zone: string | undefined) {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

/**
 * "Today" for the user whose home is shown: the calendar day in the profile's time zone (K12),
 * and the instants that bound it, as the API's filters and the statistics take them. Fixed when
 * the card mounts; the cards are re-read on every visit.
 */
export function useLocalDay(user: HomeWidgetProps['user']) {
  const [today] = useState(() => {
    const zone = knownZone(user.timezone)
    const now = zone ? dayjs().tz(zone) : dayjs()
    const day = now.format('YYYY-MM-DD')
    // the next midnight in the user's zone (named by date, so a DST change cannot shift it)
    const tomorrow = `${dayjs(day).add(1, 'day').format('YYYY-MM-DD')}T00:00:00`
    const end = zone ? dayjs.tz(tomorrow, zone) : dayjs(tomorrow)
    return { day, now: now.utc().format(INSTANT), end: end.utc().format(INSTANT) }
  })
  return today
}
