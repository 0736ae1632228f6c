import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { insertMany } from '#resources/bulk_insert'
import { NAME_WORDS_LINE_LENGTH, nameWords } from '#services/client_names'

/** A client's id and names, as any writer of clients holds them. */
type NamedClient = Record<string, unknown>

/** One row of the word index. */
export type NameWordRow = {
  word: string
  client_id: number
  /** every word of the client, space-separated with a space at each end: " maria cruz vega " */
  words: string
  /** 1-based position of " word " in `words` */
  word_pos: number
}

/** Clients whose words are replaced per statement (ids in one `IN` list). */
const CLIENTS_PER_DELETE = 1_000

/**
 * The word index of client names (C14): one row (word, client_id) per
 * distinct folded word of a client's names, so a search finds a client by
 * any of its words, by prefix, on an index of both databases alike
 * (MariaDB's FULLTEXT drops short words and stopwords such as "de" or
 * "la", and SQLite's FTS5 tokenizes differently: the same search would
 * answer differently). Rows go with their client (ON DELETE CASCADE).
 * Each row also holds the client's word line (see rowsOf): at a million
 * clients a two-word search reads one range of the primary key and tests
 * strings, where a probe per row cost ten times more (bench/README.md).
 */
export class ClientNameWords {
  /**
   * The index rows of these clients, for a caller that inserts them itself
   * (a bulk filler). Each row carries the client's whole word line, so a
   * search reads its other words and its first matching word on the row
   * it is scanning instead of probing the index again per row.
   */
  static rowsOf(clients: NamedClient[]): NameWordRow[] {
    return clients.flatMap((client) => {
      const words = nameWords(client.first_name, client.last_name)
      const line = wordLine(words)
      return words
        .map((word) => ({
          word,
          client_id: Number(client.id),
          words: line,
          word_pos: line.indexOf(` ${word} `) + 1,
        }))
        .filter((row) => row.word_pos > 0)
    })
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

/** " maria cruz vega ": the words between spaces, whole words only, within the column's width. */
function wordLine(words: string[]) {
  let line = ' '
  for (const word of words) {
    if (line.length + word.length + 1 > NAME_WORDS_LINE_LENGTH) break
    line += `${word} `
  }
  return line
}
