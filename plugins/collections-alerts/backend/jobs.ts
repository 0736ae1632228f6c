import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { SYSTEM_ACTOR, defineJob, toSqlDateTime, withLock } from '#sdk'
import { liveType, raiseAlert } from './alert_book.ts'
import { TYPE_KEYS, promiseGraceDays, promiseSweepEvery } from './access.ts'

const BATCH = 500

/**
 * A2 "promesa incumplida": every pending promise whose date plus the grace
 * days has passed with no payment since it was made becomes `broken`, and
 * its client gets the alert. One sweep at a time on any node (the lock);
 * each batch commits on its own, so a stopped sweep resumes where it was.
 */
export async function sweepBrokenPromises(today = DateTime.utc().toISODate()!) {
  const type = await liveType(db.connection(), { key: TYPE_KEYS.brokenPromise })
  const deadline = DateTime.fromISO(today).minus({ days: promiseGraceDays() }).toISODate()!
  let broken = 0
  let afterId = 0
  for (;;) {
    const promises = await db
      .from('ca_promises')
      .where('status', 'pending')
      .where('promised_on', '<', deadline)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'client_id', 'promised_on', 'created_at', 'amount')
    if (promises.length === 0) break
    afterId = Number(promises.at(-1).id)
    await db.transaction(async (trx) => {
      for (const promise of promises) {
        const paid = await trx
          .from('ca_payments')
          .where('client_id', promise.client_id)
          .where('created_at', '>=', promise.created_at)
          .first()
        const status = paid ? 'kept' : 'broken'
        const changed = await trx
          .from('ca_promises')
          .where('id', promise.id)
          .where('status', 'pending')
          .update({ status, updated_at: toSqlDateTime(DateTime.utc()) })
        if (Number(changed) === 0 || paid) continue
        broken++
        if (!type) continue
        await raiseAlert(trx, SYSTEM_ACTOR, {
          clientId: Number(promise.client_id),
          typeId: Number(type.id),
          source: 'job',
          reason: `Compromiso #${promise.id} incumplido`,
        })
      }
    })
  }
  return { broken }
}

export const brokenPromises = defineJob<{ today?: string }>({
  name: 'collections-alerts.broken-promises',
  timeout: 30 * 60_000,
  // the core's schedule dispatches it on one node per round; the route runs it now
  every: promiseSweepEvery,
  async handler({ payload, progress }) {
    const result = await withLock(
      'collections-alerts:broken-promises',
      () => sweepBrokenPromises(payload.today),
      { ttl: '35m' }
    )
    await progress(100)
    return result
  },
})

export default [brokenPromises]
