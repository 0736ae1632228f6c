import db from '@adonisjs/lucid/services/db'
import { defineJob } from '#sdk'
import { HopperRefill, type RefillOutcome } from './hopper.ts'
import { ListBuilder } from './list_builder.ts'

/**
 * D4: refills the hoppers of every campaign with an active list (or of
 * the one named), each under its campaign's lock, so that exactly one
 * node fills a campaign however many run the job; a campaign another
 * node is filling is skipped (its lock answers at once). It also returns
 * stale claims to the hopper.
 */
export const refillHoppers = defineJob<{ campaignId?: number }>({
  name: 'dialer.refill-hoppers',
  timeout: 10 * 60_000,
  async handler({ payload }) {
    const active = payload.campaignId
      ? [{ campaign_id: payload.campaignId }]
      : await db.from('dialer_lists').where('active', true).distinct('campaign_id')
    const campaigns = active.map((row) => Number(row.campaign_id))
    const outcomes: Record<number, RefillOutcome | 'busy'> = {}
    for (const campaignId of campaigns) {
      outcomes[campaignId] = await HopperRefill.run(campaignId).catch((error) => {
        if (error?.code === 'LOCKED') return 'busy' as const
        throw error
      })
    }
    return outcomes
  },
})

/**
 * D3: materializes a large list's staged clients as contacts, in batches
 * (each one transaction), reporting progress; then refills the hopper.
 */
export const buildList = defineJob<{ listId: number }>({
  name: 'dialer.build-list',
  timeout: 30 * 60_000,
  async handler({ payload, progress }) {
    const outcome = await ListBuilder.finish(payload.listId, (percent) => progress(percent))
    const list = await db.from('dialer_lists').where('id', payload.listId).first()
    if (list) {
      await HopperRefill.run(Number(list.campaign_id)).catch((error) => {
        if (error?.code !== 'LOCKED') throw error
      })
    }
    return outcome
  },
})

export default [refillHoppers, buildList]
