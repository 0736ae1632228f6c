import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { type PluginDemo, ClientInteractions, toSqlDateTime } from '#sdk'

interface DemoResult {
  name: string
  action?: 'recall' | 'recall_alternate' | 'no_action' | 'do_not_call'
  allowsScheduling?: boolean
  measure?: number
  children?: DemoResult[]
}

/** The tree of seed 001's example: up to three levels, the first always chosen. */
const TREE: DemoResult[] = [
  {
    name: 'Contactado',
    children: [
      { name: 'Promesa de pago', allowsScheduling: true, measure: 10 },
      { name: 'Ya pagó', action: 'no_action', measure: 5 },
      {
        name: 'No interesado',
        children: [
          { name: 'Precio', action: 'no_action' },
          { name: 'No volver a llamar', action: 'do_not_call' },
        ],
      },
    ],
  },
  { name: 'Volver a llamar', allowsScheduling: true },
  { name: 'No contesta', action: 'recall' },
  { name: 'Número equivocado', action: 'recall_alternate' },
]

const GESTIONES_PER_CAMPAIGN = 40

interface Leaf {
  path: Array<{ id: number; name: string }>
  allowsScheduling: boolean
}

/**
 * A result tree per campaign and two weeks of gestiones by each campaign's
 * team, with pending callbacks ahead: statistics, the gestiones list, the
 * agenda and the client's history all have rows.
 */
const demo: PluginDemo = async ({ campaigns }) => {
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
  const now = DateTime.utc()
  let gestiones = 0
  let callbacks = 0
  await db.transaction(async (trx) => {
    for (const campaign of campaigns) {
      const leaves = await insertTree(trx, campaign.id, TREE, null, [], now)
      if (campaign.agentIds.length === 0) continue
      const clients = await trx
        .from('clients')
        .where('campaign_id', campaign.id)
        .orderBy('id')
        .limit(GESTIONES_PER_CAMPAIGN)
        .select('id', 'primary_phone')
      for (const client of clients) {
        const leaf = pick(leaves)
        const userId = pick(campaign.agentIds)
        const at = now.minus({
          days: Math.floor(random() * 14),
          minutes: Math.floor(random() * 600),
        })
        const callbackAt = leaf.allowsScheduling
          ? now.plus({ days: 1 + Math.floor(random() * 5) }).set({ hour: 14, minute: 0, second: 0 })
          : null
        const forMe = callbackAt !== null && random() < 0.5
        const resultPath = leaf.path.map((result) => result.name).join(' > ')
        const [id] = await trx.table('tip_gestiones').insert({
          client_id: client.id,
          campaign_id: campaign.id,
          result_id: leaf.path.at(-1)!.id,
          level1_id: leaf.path[0].id,
          level2_id: leaf.path[1]?.id ?? null,
          level3_id: leaf.path[2]?.id ?? null,
          result_path: resultPath,
          notes: null,
          callback_at: callbackAt ? toSqlDateTime(callbackAt) : null,
          alternate_phone: null,
          for_me: forMe,
          user_id: userId,
          created_at: toSqlDateTime(at),
        })
        gestiones += 1
        if (callbackAt) {
          await trx.table('tip_callbacks').insert({
            gestion_id: Number(id),
            client_id: client.id,
            campaign_id: campaign.id,
            user_id: forMe ? userId : null,
            due_at: toSqlDateTime(callbackAt),
            phone: client.primary_phone ?? null,
            status: 'pending',
            created_at: toSqlDateTime(at),
            updated_at: toSqlDateTime(at),
          })
          callbacks += 1
        }
        await ClientInteractions.record(trx, {
          clientId: client.id,
          channel: 'voice',
          direction: 'out',
          campaignId: campaign.id,
          result: resultPath.slice(0, 120),
          source: 'gestion',
          userId,
          occurredAt: at,
        })
      }
    }
  })
  return `${campaigns.length} árboles de resultados, ${gestiones} gestiones, ${callbacks} agendamientos`
}

async function insertTree(
  trx: QueryClientContract,
  campaignId: number,
  results: DemoResult[],
  parentId: number | null,
  path: Array<{ id: number; name: string }>,
  now: DateTime
): Promise<Leaf[]> {
  const leaves: Leaf[] = []
  for (const [index, result] of results.entries()) {
    const [id] = await trx.table('tip_results').insert({
      campaign_id: campaignId,
      parent_id: parentId,
      level: path.length + 1,
      name: result.name,
      action: result.action ?? null,
      allows_scheduling: result.allowsScheduling ?? false,
      delete_scheduled: false,
      gamification_measure: result.measure ?? null,
      sort_order: index,
      active: true,
      created_at: toSqlDateTime(now.minus({ days: 30 })),
      updated_at: toSqlDateTime(now.minus({ days: 30 })),
    })
    const here = [...path, { id: Number(id), name: result.name }]
    if (result.children) {
      leaves.push(...(await insertTree(trx, campaignId, result.children, Number(id), here, now)))
    } else {
      leaves.push({ path: here, allowsScheduling: result.allowsScheduling ?? false })
    }
  }
  return leaves
}

export default demo
