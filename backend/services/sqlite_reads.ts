import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

type Row = Record<string, unknown>

/** knex's query events: the client forwards each to the knex instance (one listener each). */
const QUERY_EVENTS = ['query', 'query-response', 'query-error'] as const

interface Emitter {
  listenerCount(event: string): number
}

/** What of knex's client a direct read touches (knex keeps these untyped). */
interface KnexClient extends Emitter {
  driverName: string
  transacting?: boolean
  config: { postProcessResponse?: unknown }
  acquireConnection(): Promise<unknown>
  releaseConnection(connection: unknown): Promise<unknown>
  _query(connection: unknown, query: CompiledRead): Promise<{ response: Row[] }>
}

interface KnexBuilder {
  client: KnexClient
  _options?: unknown[]
  _connection?: unknown
}

export interface CompiledRead {
  sql: string
  bindings: readonly unknown[]
}

/**
 * Whether a SELECT on `client` may run straight on the connection: SQLite,
 * outside a transaction, with nobody watching queries (Lucid's debug off,
 * no listener to knex's query events).
 */
export function readsDirectly(client: QueryClientContract) {
  const knex = client.getReadClient() as unknown as Emitter & { client: KnexClient }
  return (
    knex.client.driverName === 'better-sqlite3' &&
    !knex.client.transacting &&
    !client.isTransaction &&
    !client.debug &&
    !knex.client.config.postProcessResponse &&
    QUERY_EVENTS.every(
      (event) => knex.client.listenerCount(event) <= 1 && knex.listenerCount(event) === 0
    )
  )
}

/**
 * Runs a compiled SELECT through knex's own driver call, between knex's
 * acquire and release of the connection (the SQLite lease: it still waits
 * for a transaction in progress), skipping knex's runner, its query
 * events and Lucid's query reporter around that call (a tenth of a list
 * read's CPU). Only where `readsDirectly(client)`; null when the driver
 * failed, for the caller to run the query the usual way (a read has no
 * side effect, and the error is then knex's).
 */
export async function readDirectly(
  client: QueryClientContract,
  read: CompiledRead
): Promise<Row[] | null> {
  const knexClient = (client.getReadClient() as unknown as { client: KnexClient }).client
  const connection = await knexClient.acquireConnection()
  try {
    const answered = await knexClient._query(connection, { sql: read.sql, bindings: read.bindings })
    return answered.response
  } catch {
    return null
  } finally {
    await knexClient.releaseConnection(connection)
  }
}

/**
 * The rows of a SELECT built with Lucid's query builder: straight on the
 * connection where `readsDirectly` allows it (see readDirectly), the
 * usual `await query` otherwise and for `first`, `pluck` and the like
 * (knex shapes their answer).
 */
export async function selectRows(query: DatabaseQueryBuilderContract): Promise<Row[]> {
  const knexQuery = query.knexQuery as unknown as KnexBuilder
  const direct =
    readsDirectly(query.client) &&
    !knexQuery.client.transacting &&
    !(query as unknown as { debugQueries: boolean }).debugQueries &&
    !knexQuery._connection &&
    (knexQuery._options?.length ?? 0) === 0
  if (!direct) return query
  const compiled = query.toSQL() as CompiledRead & { method: string; output?: unknown }
  if (compiled.method !== 'select' || compiled.output) return query
  return (await readDirectly(query.client, compiled)) ?? query
}
