import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { bulkInsert, toSqlDateTime, type PluginDemo } from '#sdk'
import { phonesOf } from '../backend/list_builder.ts'
import { HopperRefill } from '../backend/hopper.ts'

/** Contacts per demo list. */
const SIZE = 300

/**
 * A list per dialer campaign (its first clients), with contacts at every
 * stage: some claimed by the campaign's agents, some recalled, a few
 * scheduled, do-not-call and done; the campaign's rules, a global
 * do-not-call prefix and number, and a hopper filled as the job would.
 */
const demo: PluginDemo = async ({ users, campaigns }) => {
  const supervisor = users.find((user) => user.role === 'supervisor') ?? users[0]
  const now = DateTime.utc()
  const at = (shift: object) => toSqlDateTime(now.plus(shift))
  let contacts = 0
  let lists = 0
  const dialers = campaigns.filter((campaign) => campaign.type === 'outbound_dialer')
  // an agent holds one contact at a time, whichever campaigns it works
  const busy = new Set<number>()
  for (const campaign of dialers) {
    const firstClients = await db
      .from('clients')
      .where('campaign_id', campaign.id)
      .orderBy('id')
      .limit(SIZE)
      .select('id')
    const clientIds = firstClients.map((row) => Number(row.id))
    if (clientIds.length === 0) continue
    await db.transaction(async (trx) => {
      await trx.table('dialer_settings').insert({
        campaign_id: campaign.id,
        call_start: '08:00',
        call_end: '21:00',
        max_attempts: 3,
        recycle_hours: 4,
        claim_timeout_minutes: 15,
        hopper_size: 100,
        created_at: at({ days: -20 }),
      })
      const [listId] = await trx.table('dialer_lists').insert({
        name: `${campaign.name}: base inicial`,
        campaign_id: campaign.id,
        active: true,
        filter: JSON.stringify({ and: [{ field: 'status', op: 'eq', value: 'new' }] }),
        total: 0,
        skipped_invalid: 0,
        created_by: supervisor.id,
        created_at: at({ days: -7 }),
      })
      const candidates = await phonesOf(trx, clientIds)
      const agents = campaign.agentIds.filter((id) => !busy.has(id)).slice(0, 2)
      agents.forEach((id) => busy.add(id))
      const rows = candidates.map((candidate, index) => {
        const row: Record<string, unknown> = {
          list_id: listId,
          campaign_id: campaign.id,
          ...candidate,
          status: 'new',
          attempts: 0,
          created_at: at({ days: -7 }),
        }
        if (index < agents.length) {
          Object.assign(row, {
            status: 'claimed',
            attempts: 1,
            claimed_by: agents[index],
            claimed_at: at({ minutes: -3 }),
          })
        } else if (index < 12) {
          Object.assign(row, {
            status: 'recall',
            attempts: 1,
            next_at: at({ hours: -1, minutes: index }),
            last_result: 'No contesta',
          })
        } else if (index < 16) {
          Object.assign(row, {
            status: 'callback',
            attempts: 1,
            next_at: at({ hours: index - 13 }),
            last_result: 'Volver a llamar',
          })
        } else if (index < 19) {
          Object.assign(row, { status: 'dnc', attempts: 1, last_result: 'No volver a llamar' })
        } else if (index < 30) {
          Object.assign(row, { status: 'done', attempts: 1, last_result: 'Venta' })
        }
        return row
      })
      const ids = await bulkInsert(trx, 'dialer_contacts', 'id', rows)
      await trx
        .from('dialer_lists')
        .where('id', listId)
        .update({
          total: candidates.length,
          skipped_invalid: clientIds.length - candidates.length,
        })
      for (const [index, agentId] of agents.entries()) {
        await trx.table('dialer_agent_states').insert({
          user_id: agentId,
          campaign_id: campaign.id,
          state: 'in_call',
          contact_id: ids[index],
          updated_at: at({ minutes: -3 }),
        })
      }
      contacts += candidates.length
      lists++
    })
  }
  await db.table('dialer_dnc').multiInsert([
    {
      number: '+549115550',
      is_prefix: true,
      campaign_id: null,
      reason: 'Rango de prueba del operador',
      created_at: at({ days: -30 }),
    },
    {
      number: '+5491155501234',
      is_prefix: false,
      campaign_id: null,
      reason: 'Pidió no ser llamado',
      created_at: at({ days: -10 }),
    },
  ])
  let queued = 0
  for (const campaign of dialers) {
    const refill = await HopperRefill.run(campaign.id, '5s')
    queued += refill.queued
  }
  return `${lists} dialer lists, ${contacts} contacts, ${queued} in the hoppers`
}

export default demo
