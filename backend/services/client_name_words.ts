import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { insertMany } from '#resources/bulk_insert'
import { nameWords } from '#services/client_names'

/** A client's id and names, as any writer of clients holds them. */
type NamedClient = Record<string, unknown>

/** Clients whose words are replaced per statement (ids in one `IN` list). */
const CLIENTS_PER_DELETE = 1_000

/**
 * The word index of client names (C14): one row (word, client_id) per
 * distinct folded word of a client's names, so a search finds a client by
 * any of its words, by prefix, on an index of both databases alike
 * (MariaDB's FULLTEXT drops short words and stopwords such as "de" or
 * "la", and SQLite's FTS5 tokenizes differently: the same search would
 * answer differently). Rows go with their client (ON DELETE CASCADE).
 */
export class ClientNameWords {
  /** The index rows of these clients, for a caller that inserts them itself (a bulk filler). */
  static rowsOf(clients: NamedClient[]): Array<{ word: string; client_id: number }> {
    return clients.flatMap((client) =>
      nameWords(client.first_name, client.last_name).map((word) => ({
        word,
        client_id: Number(client.id),
      }))
    )
  }

  /** Indexes new clients' names. */
  static async add(trx: QueryClientContract, clients: NamedClient[]) {
    await insertMany(trx, 'client_name_words', this.rowsOf(clients))
  }

  /** Re-indexes clients whose names changed: their old words go, the new ones come. */
  static async replace(trx: QueryClientContract, clients: NamedClient[]) {
    for (let start = 0; start < clients.length; start += CLIENTS_PER_DELETE) {
      const slice = clients.slice(start, start + CLIENTS_PER_DELETE)
      await trx
        .from('client_name_words')
        .whereIn(
          'client_id',
          slice.map((client) => client.id as number)
        )
        .delete()
      await this.add(trx, slice)
    }
  }

  /** Re-indexes clients by id, reading their names (after a write that changed them in SQL). */
  static async refresh(trx: QueryClientContract, ids: number[]) {
    if (ids.length === 0) return
    const rows = await trx
      .from('clients')
      .whereIn('id', ids)
      .select('id', 'first_name', 'last_name')
    await this.replace(trx, rows)
  }
}
