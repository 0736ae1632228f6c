import { DateTime } from 'luxon'

/**
 * The instant the calling-hours check reads. Tests set it (a calling
 * window is a fact about the hour, and a test must not depend on when it
 * runs); everything else reads the real clock.
 */
export const dialerClock = {
  now: (): DateTime => DateTime.utc(),
}
