import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

type ClientRow = Record<string, any>

/**
 * For a migration that fills a column or table from existing clients: the
 * clients in id order, `batch` at a time, each batch handled in its own
 * transaction, so a million clients never sit in memory or in one
 * transaction. `narrow` may add conditions (only clients with a document).
 */
export async function forEachClientBatch(
  db: QueryClientContract,
  options: {
    columns: string[]
    batch: number
    narrow?: (query: DatabaseQueryBuilderContract) => void
  },
  handle: (trx: TransactionClientContract, clients: ClientRow[]) => Promise<unknown>
) {
  let lastId = 0
  for (;;) {
    const query = db.from('clients').where('id', '>', lastId)
    options.narrow?.(query)
    const clients = await query
      .orderBy('id')
      .limit(options.batch)
      .select(...options.columns)
    if (clients.length === 0) return
    await db.transaction((trx) => handle(trx, clients))
    lastId = clients[clients.length - 1].id
  }
}
