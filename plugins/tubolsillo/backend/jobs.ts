import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, defineJob, withLock } from '#sdk'
import { checkToggle, sendToggle } from './toggles.ts'

/** Toggles sent to the wallet service at once within a bulk. */
const CONCURRENCY = 5

/**
 * W2: sends a bulk's pending toggles to the wallet service, a few at a time,
 * under the lock of its client set (one bulk per set at a time), saving the
 * progress between groups. The outcome per client is on its toggle row; the
 * result holds the counts (GET /api/p/tubolsillo/bulks/:id lists failures).
 */
export const bulkToggle = defineJob<{ bulkId: number }>({
  name: 'tubolsillo.bulk-toggle',
  timeout: 30 * 60_000,
  async handler({ payload, progress, signal }) {
    const bulk = await db.from('tubolsillo_bulks').where('id', payload.bulkId).first()
    if (!bulk) return { confirmed: 0, failed: 0, pending: 0 }
    const actor = { actorId: bulk.created_by ?? null, ip: null, requestId: null }
    return withLock(
      `tubolsillo:bulk:${bulk.set_key}`,
      async () => {
        const rows = await db
          .from('tubolsillo_toggles')
          .where('bulk_id', bulk.id)
          .where('status', 'pending')
          .orderBy('id')
          .select('id')
        const total = Number(bulk.total)
        let done = total - rows.length
        const counts = { confirmed: 0, failed: 0, pending: 0 }
        for (let start = 0; start < rows.length; start += CONCURRENCY) {
          if (signal?.aborted) break
          const group = rows.slice(start, start + CONCURRENCY)
          const settled = await Promise.all(group.map((row) => sendToggle(row.id, actor)))
          for (const toggle of settled) counts[toggle.status]++
          done += group.length
          await progress(Math.floor((done * 100) / total), `${done}/${total}`)
        }
        return counts
      },
      { ttl: '35m', wait: '1m' }
    )
  },
})

/** W3: settles every pending toggle by asking the service (what a timeout left behind). */
export const reconcile = defineJob<Record<string, never>>({
  name: 'tubolsillo.reconcile',
  timeout: 30 * 60_000,
  async handler({ progress, signal }) {
    return withLock(
      'tubolsillo:reconcile',
      async () => {
        const rows = await db
          .from('tubolsillo_toggles')
          .where('status', 'pending')
          .orderBy('id')
          .select('id')
        const counts = { confirmed: 0, failed: 0, pending: 0 }
        for (const [index, row] of rows.entries()) {
          if (signal?.aborted) break
          const toggle = await checkToggle(row.id, SYSTEM_ACTOR)
          counts[toggle.status]++
          if (index % 20 === 19) await progress(Math.floor(((index + 1) * 100) / rows.length))
        }
        await progress(100)
        return counts
      },
      { ttl: '35m' }
    )
  },
})

export default [bulkToggle, reconcile]
