import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, defineJob, resourceServiceAs, withLock } from '#sdk'
import { createBulkToggles } from './bulk.ts'
import { checkToggle, sendToggle } from './toggles.ts'

/** Toggles sent to the wallet service at once within a bulk. */
const CONCURRENCY = 5

/** What a bulk toggles with: the action, reason and note the supervisor confirmed. */
export interface BulkPayload {
  bulkId: number
  action: unknown
  reason_id: unknown
  note: unknown
}

/**
 * W2: carries out a bulk toggle under the lock of its client set (one bulk
 * per set at a time), as the supervisor who started it: first the toggles
 * of its clients the request did not write, a batch per transaction through
 * the engine's batch create, then each pending one sent to the wallet
 * service, a few at a time. The progress is saved between batches and
 * groups (the first half writing, the second sending). The outcome per
 * client is on its toggle row; the result holds the counts (GET
 * /api/p/tubolsillo/bulks/:id lists failures).
 */
export const bulkToggle = defineJob<BulkPayload>({
  name: 'tubolsillo.bulk-toggle',
  timeout: 30 * 60_000,
  async handler({ payload, userId, progress, signal }) {
    const bulk = await db.from('tubolsillo_bulks').where('id', payload.bulkId).first()
    if (!bulk || userId === null) return { confirmed: 0, failed: 0, pending: 0 }
    const actor = { actorId: bulk.created_by ?? null, ip: null, requestId: null }
    const service = await resourceServiceAs(userId)
    return withLock(
      `tubolsillo:bulk:${bulk.set_key}`,
      async () => {
        const total = Number(bulk.total)
        const request = { action: payload.action, reason_id: payload.reason_id, note: payload.note }
        await createBulkToggles(service, bulk.id, request, (created) =>
          progress(Math.floor((created * 50) / total), `0/${total}`)
        )
        const rows = await db
          .from('tubolsillo_toggles')
          .where('bulk_id', bulk.id)
          .where('status', 'pending')
          .orderBy('id')
          .select('id')
        const [written] = await db
          .from('tubolsillo_toggles')
          .where('bulk_id', bulk.id)
          .count('* as total')
        // Clients toggled elsewhere meanwhile were left out: the bulk covers the others.
        const covered = Number(written.total)
        if (covered !== total) {
          await db.from('tubolsillo_bulks').where('id', bulk.id).update({ total: covered })
        }
        let done = covered - rows.length
        const counts = { confirmed: 0, failed: 0, pending: 0 }
        for (let start = 0; start < rows.length; start += CONCURRENCY) {
          if (signal?.aborted) break
          const group = rows.slice(start, start + CONCURRENCY)
          const settled = await Promise.all(group.map((row) => sendToggle(row.id, actor)))
          for (const toggle of settled) counts[toggle.status]++
          done += group.length
          await progress(50 + Math.floor((done * 50) / Math.max(covered, 1)), `${done}/${covered}`)
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
