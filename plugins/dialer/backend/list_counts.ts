import db from '@adonisjs/lucid/services/db'

export interface ListCounts {
  new: number
  called: number
  recall: number
  dnc: number
  done: number
}

/**
 * D3: the counts a list shows, from its contacts' statuses: new (never
 * dialed, queued or not), called (with an agent now), pending recall
 * (recalls and scheduled callbacks), do-not-call, done.
 */
export async function listCounts(listIds: number[]) {
  const counts = new Map<number, ListCounts>()
  for (const id of listIds) counts.set(id, { new: 0, called: 0, recall: 0, dnc: 0, done: 0 })
  if (listIds.length === 0) return counts
  const rows = await db
    .from('dialer_contacts')
    .whereIn('list_id', listIds)
    .groupBy('list_id', 'status')
    .select('list_id', 'status')
    .count('* as total')
  const bucket: Record<string, keyof ListCounts> = {
    new: 'new',
    claimed: 'called',
    recall: 'recall',
    callback: 'recall',
    dnc: 'dnc',
    done: 'done',
  }
  for (const row of rows) {
    const counted = counts.get(Number(row.list_id))!
    counted[bucket[row.status] ?? 'done'] += Number(row.total)
  }
  return counts
}
