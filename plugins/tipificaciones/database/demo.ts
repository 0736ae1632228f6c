import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { type PluginDemo, ClientInteractions, bulkInsert, toSqlDateTime } from '#sdk'

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

/** The history goes this many days back; the last RECENT_DAYS still have pending callbacks. */
const DAYS = 30
const RECENT_DAYS = 3
/** Share of the gestiones recorded today (before now, in the supervisor's zone). */
const TODAY_SHARE = 0.1

interface Leaf {
  path: Array<{ id: number; name: string }>
  allowsScheduling: boolean
}

/** A gestión about to be written, and the callback it leaves (if any). */
interface PlannedGestion {
  row: Record<string, string | number | boolean | null>
  callback: { dueAt: DateTime; userId: number | null; status: 'pending' | 'removed' } | null
  phone: string | null
}

/**
 * A result tree per campaign and thirty days of gestiones by each campaign's team on the
 * clients assigned to them (one to three each, a tenth of them today), with callbacks: the
 * recent ones pending, some overdue, some due later today, some in the coming days, half of
 * them for the agent and half in the campaign's shared queue (no user); older ones handled.
 * Statistics, the home pages, the gestiones list, the agenda and the client's history all have
 * rows. Written with multi-row inserts.
 */
const demo: PluginDemo = async ({ users, campaigns }) => {
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
  const now = DateTime.utc()
  const zone = users.find((user) => user.role === 'supervisor')?.timezone ?? 'UTC'
  const today = now.setZone(zone).startOf('day')
  const endOfToday = today.plus({ days: 1 }).toUTC()
  /** Per agent, how many recent callbacks it got: their kinds take turns. */
  const turns = new Map<number, number>()

  const plan = (leaf: Leaf, userId: number, at: DateTime) => {
    if (!leaf.allowsScheduling) return null
    if (at < now.minus({ days: RECENT_DAYS })) {
      // handled long ago: a third had been scheduled and later removed
      if (random() > 0.33) return null
      return { dueAt: at.plus({ days: 1 }), userId, status: 'removed' as const }
    }
    const turn = turns.get(userId) ?? 0
    turns.set(userId, turn + 1)
    const kind = turn % 3
    const dueAt =
      kind === 0
        ? at.plus({ milliseconds: (now.toMillis() - at.toMillis()) * (0.2 + 0.7 * random()) })
        : kind === 1
          ? now.plus({ milliseconds: (endOfToday.toMillis() - now.toMillis()) * random() })
          : today.plus({ days: 1 + Math.floor(random() * 5), hours: 9 + Math.floor(random() * 9) })
    // the first three of each agent are its own, the next three go to the shared queue
    const forMe = turn % 6 < 3
    return { dueAt: dueAt.toUTC(), userId: forMe ? userId : null, status: 'pending' as const }
  }

  const when = () => {
    if (random() < TODAY_SHARE) {
      return now.minus({ milliseconds: (now.toMillis() - today.toMillis()) * random() })
    }
    const day = today.minus({ days: 1 + Math.floor(random() * (DAYS - 1)) })
    return day.plus({ hours: 8, minutes: Math.floor(random() * 720) }).toUTC()
  }

  return db.transaction(async (trx) => {
    const planned: PlannedGestion[] = []
    for (const campaign of campaigns) {
      const leaves = await insertTree(trx, campaign.id, TREE, null, [], now)
      if (campaign.agentIds.length === 0) continue
      const clients = await trx
        .from('clients')
        .where('campaign_id', campaign.id)
        .whereIn('assigned_user_id', campaign.agentIds)
        .orderBy('id')
        .select('id', 'primary_phone', 'assigned_user_id')
      for (const client of clients) {
        const times = Array.from({ length: 1 + Math.floor(random() * 2.2) }, when)
        for (const at of times.sort((a, b) => a.toMillis() - b.toMillis())) {
          const leaf = pick(leaves)
          const userId = Number(client.assigned_user_id)
          const callback = plan(leaf, userId, at)
          planned.push({
            phone: client.primary_phone ?? null,
            callback,
            row: {
              client_id: client.id,
              campaign_id: campaign.id,
              result_id: leaf.path.at(-1)!.id,
              level1_id: leaf.path[0].id,
              level2_id: leaf.path[1]?.id ?? null,
              level3_id: leaf.path[2]?.id ?? null,
              result_path: leaf.path.map((result) => result.name).join(' > '),
              notes: null,
              callback_at: callback ? toSqlDateTime(callback.dueAt) : null,
              alternate_phone: null,
              for_me: callback !== null && callback.userId !== null,
              user_id: userId,
              created_at: toSqlDateTime(at),
            },
          })
        }
      }
    }
    const ids = await bulkInsert(
      trx,
      'tip_gestiones',
      'id',
      planned.map((gestion) => gestion.row)
    )
    const callbacks = planned.flatMap(({ row, callback, phone }, index) =>
      callback
        ? [
            {
              gestion_id: Number(ids[index]),
              client_id: row.client_id,
              campaign_id: row.campaign_id,
              user_id: callback.userId,
              due_at: toSqlDateTime(callback.dueAt),
              phone,
              status: callback.status,
              created_at: row.created_at,
              updated_at: row.created_at,
            },
          ]
        : []
    )
    await bulkInsert(trx, 'tip_callbacks', 'id', callbacks)
    await ClientInteractions.recordMany(
      trx,
      planned.map(({ row }) => ({
        clientId: Number(row.client_id),
        channel: 'voice' as const,
        direction: 'out' as const,
        campaignId: Number(row.campaign_id),
        result: String(row.result_path).slice(0, 120),
        source: 'gestion',
        userId: Number(row.user_id),
        occurredAt: DateTime.fromSQL(String(row.created_at), { zone: 'utc' }),
      }))
    )
    const pending = callbacks.filter((callback) => callback.status === 'pending').length
    return `${campaigns.length} árboles de resultados, ${planned.length} gestiones en ${DAYS} días, ${callbacks.length} agendamientos (${pending} pendientes)`
  })
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
