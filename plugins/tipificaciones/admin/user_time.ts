import { useSessionUser } from '@tablero/admin'
import dayjs, { type Dayjs } from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { useShellLanguage } from './file_transfer'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * The API speaks ISO instants in UTC; agents read and pick times in their profile's time zone
 * (K12), which need not be the browser's. antd pickers work in the browser's zone, so a time
 * travels through them as a wall clock: 09:30 picked means 09:30 in the user's zone. (The
 * shell does the same for generated forms; its helpers are not part of the SDK.)
 */
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss'

function knownZone(zone: string | undefined) {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

export function useUserTime() {
  const user = useSessionUser()
  const language = useShellLanguage()
  const zone = knownZone(user?.timezone)
  return {
    /** The user's profile zone, when it is a known one (the browser's is used otherwise). */
    zone,
    /** The instant a picked wall-clock time stands for, ISO UTC. */
    toInstant(value: Dayjs) {
      const wall = value.format(WALL_CLOCK)
      return (zone ? dayjs.tz(wall, zone) : dayjs(wall)).utc().format('YYYY-MM-DDTHH:mm:ss[Z]')
    },
    /** "Now" as a picker value, to refuse past callbacks before sending. */
    nowAsPicker() {
      const now = zone ? dayjs().tz(zone) : dayjs()
      return dayjs(now.format(WALL_CLOCK))
    },
    /** `23/11/2026, 09:30` in the user's zone and language. */
    format(iso: string | null | undefined) {
      if (!iso) return ''
      const date = new Date(iso)
      if (Number.isNaN(date.getTime())) return iso
      return new Intl.DateTimeFormat(language, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
      }).format(date)
    },
  }
}
