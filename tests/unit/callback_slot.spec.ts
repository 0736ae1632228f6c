import { test } from '@japa/runner'
import { nextCallbackSlot } from '../../plugins/tipificaciones/admin/callback_slot.ts'

/**
 * Issue 20 item 6: the callback picker starts on a sensible slot (the next full hour within
 * calling hours, 08:00–20:00 starts, in the user's zone), never at 00:00.
 */
test.group('callback time: the next slot', () => {
  test('{title}')
    .with([
      {
        title: 'mid-morning in Bogotá: the next hour',
        now: '2026-11-29T14:20:00Z',
        zone: 'America/Bogota',
        slot: '2026-11-29T10:00:00',
      },
      {
        title: 'on the hour: the one after',
        now: '2026-11-29T15:00:00Z',
        zone: 'America/Bogota',
        slot: '2026-11-29T11:00:00',
      },
      {
        title: 'before 08:00: 08:00 that day',
        now: '2026-11-29T10:10:00Z',
        zone: 'America/Bogota',
        slot: '2026-11-29T08:00:00',
      },
      {
        title: '19:59: the last slot, 20:00',
        now: '2026-11-30T00:59:00Z',
        zone: 'America/Bogota',
        slot: '2026-11-29T20:00:00',
      },
      {
        title: 'after the last slot: 08:00 the next day',
        now: '2026-11-30T02:30:00Z',
        zone: 'America/Bogota',
        slot: '2026-11-30T08:00:00',
      },
      {
        title: 'the same instant in Madrid is another day',
        now: '2026-11-30T02:30:00Z',
        zone: 'Europe/Madrid',
        slot: '2026-11-30T08:00:00',
      },
      {
        title: 'Madrid evening rolls to tomorrow',
        now: '2026-11-29T19:30:00Z',
        zone: 'Europe/Madrid',
        slot: '2026-11-30T08:00:00',
      },
      {
        title: 'New Year in Mexico City',
        now: '2027-01-01T04:30:00Z',
        zone: 'America/Mexico_City',
        slot: '2027-01-01T08:00:00',
      },
      {
        title: 'the last evening of the year',
        now: '2027-01-01T03:30:00Z',
        zone: 'America/Bogota',
        slot: '2027-01-01T08:00:00',
      },
    ])
    .run(({ assert }, { now, zone, slot }) => {
      assert.equal(nextCallbackSlot(new Date(now), zone), slot)
    })

  test('the zone decides, not the machine: one instant, two slots', ({ assert }) => {
    const now = new Date('2026-11-29T13:05:00Z')
    assert.equal(nextCallbackSlot(now, 'America/Bogota'), '2026-11-29T09:00:00')
    assert.equal(nextCallbackSlot(now, 'Europe/Madrid'), '2026-11-29T15:00:00')
  })
})
