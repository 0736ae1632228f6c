import knex, { type Knex } from 'knex'
import type { RawClient, Sql } from './raw_client.ts'
import { searchWords } from '../backend/services/client_names.ts'

/** client_phones.tail's width (PHONE_TAIL_LENGTH in backend/services/client_search.ts). */
const PHONE_TAIL_LENGTH = 6

/** resource_queries.ts COUNT_CAP: lists count at most this many rows (+1) and report min(count, cap). */
export const COUNT_CAP = 1_000
/** resource_queries.ts SEARCH_COUNT_CAP: a search (`q`) counts to this many. */
export const SEARCH_COUNT_CAP = 200

/** The order of a word search with no sort in the request (ClientSearch's SearchOrder). */
export const WORD_ORDER: ListShape['sort'] = [
  { column: 'name_words.word', direction: 'asc' },
  { column: 'name_words.client_id', direction: 'asc' },
]

export interface ListShape {
  /** `filter={"and":[{field, op:'eq', value}…]}` */
  equals?: Array<{ column: string; value: string | number }>
  /**
   * `q=<text>` of letters on clients: ClientSearch's word search (every
   * word a prefix of a word of the client's names, client_name_words). With
   * no `sort` in the request the API orders it by the word index: give
   * `sort: WORD_ORDER` for that.
   */
  nameSearch?: string
  /** GET /api/clients/lookup?phone=: clients having this phone among their phones */
  phone?: string
  sort: Array<{ column: string; direction: 'asc' | 'desc' }>
  perPage: number
}

/**
 * What the API runs for one request: the page, then the capped count (none
 * for the lookup) unless the page tells the total (readList).
 */
export interface ListStatements {
  count: Sql | null
  page: Sql
  /** the count's cap: COUNT_CAP, or SEARCH_COUNT_CAP for a search */
  cap: number
  perPage: number
}

/**
 * One list read as ResourceQueries.list does it: the page first; the count
 * only when the page is full (a shorter first page is the whole answer).
 * `total` is null when there is no count (the lookup).
 */
export async function readList(raw: Pick<RawClient, 'query'>, statements: ListStatements) {
  const rows = await raw.query(statements.page)
  if (!statements.count) return { rows, total: null, capped: false }
  if (rows.length < statements.perPage) return { rows, total: rows.length, capped: false }
  const [counted] = await raw.query(statements.count)
  const total = Number(counted.total)
  return { rows, total: Math.min(total, statements.cap), capped: total > statements.cap }
}

/**
 * The two statements GET /api/r/clients runs for a list (the capped count,
 * then the page), built with knex the way ResourceService.list, applyFilter,
 * applySort (or orderList's search order) and ClientRules.search build them
 * through Lucid. The bench
 * checks the API's first answer against these, so a drift shows up as a
 * MISMATCH instead of a silently unfair comparison.
 */
/**
 * The columns a client list selects: the fields the API answered with (`apiRow`) that are
 * columns of clients (a relation field, as collections-alerts' `alerts`, is read by the API
 * from its link table after the page: the API's own cost).
 */
export async function clientColumns(
  raw: Pick<RawClient, 'query'>,
  apiRow: Record<string, unknown> | undefined
) {
  const [row] = await raw.query({ sql: 'SELECT * FROM clients LIMIT 1', bindings: [] })
  return Object.keys(apiRow ?? { id: 0 }).filter((key) => row === undefined || key in row)
}

export class ListSql {
  readonly #knex: Knex

  constructor(
    dialect: 'sqlite' | 'mysql',
    private columns: string[]
  ) {
    this.#knex = knex({
      client: dialect === 'sqlite' ? 'better-sqlite3' : 'mysql2',
      useNullAsDefault: true,
    })
  }

  build(shape: ListShape): ListStatements {
    const cap = shape.nameSearch === undefined ? COUNT_CAP : SEARCH_COUNT_CAP
    const count = this.#knex
      .from(
        this.#filtered(shape)
          .select('id')
          .limit(cap + 1)
          .as('capped')
      )
      .count('* as total')
    const page = this.#filtered(shape).select(this.columns)
    for (const { column, direction } of shape.sort) page.orderBy(column, direction)
    // applySort: the id tie-breaker takes the last sort key's direction.
    const last = shape.sort[shape.sort.length - 1]?.direction ?? 'asc'
    // A word search answers its own order (the word index's), with no tie-breaker.
    if (shape.nameSearch === undefined && !shape.sort.some(({ column }) => column === 'id'))
      page.orderBy('id', last)
    page.offset(0).limit(shape.perPage)
    // The caller-ID lookup asks for rows only (`count: false`): no count to run.
    return {
      count: shape.phone === undefined ? native(count) : null,
      page: native(page),
      cap,
      perPage: shape.perPage,
    }
  }

  #filtered(shape: ListShape) {
    const query = this.#knex('clients')
    // applyFilter: an `and` group's leaves go straight onto the query
    for (const leaf of shape.equals ?? []) query.where(leaf.column, leaf.value)
    if (shape.nameSearch !== undefined) {
      // ClientSearch's word search: the longest word drives on client_name_words'
      // primary key; the row's word line keeps a client once and holds the other words.
      const [driver, ...others] = [...searchWords(shape.nameSearch)].sort(
        (a, b) => b.length - a.length
      )
      query
        .join('client_name_words as name_words', 'name_words.client_id', 'clients.id')
        .whereRaw(`name_words.word LIKE ? ESCAPE '!'`, [`${escapeLike(driver)}%`])
        .whereRaw('INSTR(name_words.words, ?) = name_words.word_pos', [` ${driver}`])
      for (const word of others) {
        query.whereRaw(`name_words.words LIKE ? ESCAPE '!'`, [`% ${escapeLike(word)}%`])
      }
    }
    if (shape.phone !== undefined) {
      const phone = shape.phone
      // ClientActionsController.lookup's restriction, in parentheses as list() adds it
      // the full number, or a number ending in its digits (issue 20.3: a partial phone)
      const digits = phone.replace(/\D/g, '')
      query.whereRaw(
        '(id in (select client_id from client_phones where e164 = ? or (tail = ? and e164 like ?)))',
        [phone, digits.slice(-PHONE_TAIL_LENGTH), `%${digits}`]
      )
    }
    return query
  }

  async destroy() {
    await this.#knex.destroy()
  }
}

function escapeLike(text: string) {
  return text.replace(/[!%_]/g, (char) => `!${char}`)
}

function native(query: Knex.QueryBuilder): Sql {
  const { sql, bindings } = query.toSQL().toNative()
  return { sql, bindings }
}
