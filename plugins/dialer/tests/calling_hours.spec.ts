import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { DEFAULT_WINDOW, withinCallingHours } from '../backend/calling_hours.ts'

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

test.group('dialer: calling hours in the client’s local time', () => {
  test('Bogotá at 07:59 is too early, at 08:00 inside, at 21:00 over', ({ assert }) => {
    assert.isFalse(withinCallingHours('CO', DEFAULT_WINDOW, at('2026-06-01T12:59:00')))
    assert.isTrue(withinCallingHours('CO', DEFAULT_WINDOW, at('2026-06-01T13:00:00')))
    assert.isFalse(withinCallingHours('CO', DEFAULT_WINDOW, at('2026-06-02T02:00:00')))
  })

  test('a country over several zones is callable only when every zone is inside the window', ({
    assert,
  }) => {
    // 09:00 in New York is 06:00 in Los Angeles
    assert.isFalse(withinCallingHours('US', DEFAULT_WINDOW, at('2026-06-01T13:00:00')))
    // 11:00 in New York, 08:00 in Los Angeles
    assert.isTrue(withinCallingHours('US', DEFAULT_WINDOW, at('2026-06-01T15:00:00')))
  })

  test('Madrid follows its summer time; an unknown country is read in UTC', ({ assert }) => {
    // 07:30 UTC in June is 09:30 in Madrid (UTC+2)
    assert.isTrue(withinCallingHours('ES', DEFAULT_WINDOW, at('2026-06-01T07:30:00')))
    // 07:30 UTC in January is 08:30 in Madrid (UTC+1)
    assert.isTrue(withinCallingHours('ES', DEFAULT_WINDOW, at('2026-01-15T07:30:00')))
    assert.isFalse(withinCallingHours('ES', DEFAULT_WINDOW, at('2026-01-15T06:30:00')))
    assert.isFalse(withinCallingHours(null, DEFAULT_WINDOW, at('2026-06-01T07:30:00')))
    assert.isTrue(withinCallingHours('ZZ', DEFAULT_WINDOW, at('2026-06-01T08:30:00')))
  })

  test('a window across midnight', ({ assert }) => {
    const night = { start: '22:00', end: '02:00' }
    assert.isTrue(withinCallingHours('CO', night, at('2026-06-02T04:00:00'))) // 23:00
    assert.isFalse(withinCallingHours('CO', night, at('2026-06-01T17:00:00'))) // 12:00
  })
})
