import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

type Row = Record<string, unknown>

/** What of knex's client a direct read touches (knex keeps these untyped). */
interface KnexClient extends Emitter {
  driverName: string
  transacting?: boolean
  config: { postProcessResponse?: unknown }
  acquireConnection(): Promise<unknown>
  releaseConnection(connection: unknown): Promise<unknown>
  _query(
    connection: unknown,
    query: { sql: string; bindings: readonly unknown[] }
  ): Promise<{
    response: Row[]
  }>
}

/** knex's query events: the client forwards each to the knex instance (one listener each). */
const QUERY_EVENTS = ['query', 'query-response', 'query-error'] as const

interface Emitter {
  listenerCount(event: string): number
}

interface KnexBuilder {
  client: KnexClient
  _options?: unknown[]
  _connection?: unknown
}

/**
 * The rows of a SELECT built with Lucid's query builder. On SQLite,
 * outside a transaction and with nobody watching queries (Lucid's debug
 * off, no listener to knex's query events), the SQL knex compiles runs
 * through knex's own driver call, between knex's acquire and release of
 * the connection (the SQLite lease: it still waits for a transaction in
 * progress): knex's runner, its query events and Lucid's query reporter
 * around that call cost a list read a tenth of its CPU. Any other query
 * goes through `await query`, and so does a read that failed (run again
 * the usual way: a read has no side effect, and the error is knex's).
 */
export async function selectRows(query: DatabaseQueryBuilderContract): Promise<Row[]> {
  if (!readsDirectly(query)) return query
  const knexQuery = query.knexQuery as unknown as KnexBuilder
  const client = knexQuery.client
  const compiled = query.toSQL() as {
    sql: string
    bindings: readonly unknown[]
    method: string
    output?: unknown
  }
  // `first`, `pluck` and the like shape knex's answer: those go the usual way
  if (compiled.method !== 'select' || compiled.output) return query
  const { sql, bindings } = compiled
  const connection = await client.acquireConnection()
  let rows: Row[] | null = null
  try {
    const answered = await client._query(connection, { sql, bindings })
    rows = answered.response
  } catch {
    rows = null
  } finally {
    await client.releaseConnection(connection)
  }
  return rows ?? query
}

function readsDirectly(query: DatabaseQueryBuilderContract) {
  const knexQuery = query.knexQuery as unknown as KnexBuilder
  const client = knexQuery.client
  return (
    client.driverName === 'better-sqlite3' &&
    !client.transacting &&
    !query.client.isTransaction &&
    !(query as unknown as { debugQueries: boolean }).debugQueries &&
    !client.config.postProcessResponse &&
    !knexQuery._connection &&
    (knexQuery._options?.length ?? 0) === 0 &&
    nobodyListens(client, query.client.getReadClient() as unknown as Emitter)
  )
}

function nobodyListens(client: KnexClient, knex: Emitter) {
  return QUERY_EVENTS.every(
    (event) => client.listenerCount(event) <= 1 && knex.listenerCount(event) === 0
  )
}
