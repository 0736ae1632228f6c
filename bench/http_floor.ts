import type { BenchDatabase } from './bench_database.ts'
import { ChildServer } from './child_server.ts'
import type { ListStatements } from './list_sql.ts'

/**
 * The HTTP floor: what any Node HTTP server pays on this machine to answer
 * the raw column's statements. A bare node:http server
 * (bench/http_floor_server.ts) in its own process runs each request's count
 * and page through the same driver settings as the raw column and answers
 * the JSON page; autocannon measures it with the API's settings. So the
 * API/raw ratio splits into floor/raw (HTTP, JSON, autocannon on the same
 * two cores) and API/floor (what the framework adds on top).
 */
export class HttpFloor {
  #server: ChildServer

  constructor(
    private database: BenchDatabase,
    private connections: number
  ) {
    this.#server = new ChildServer('bench/http_floor_server.ts', `floor-${database.kind}`)
  }

  get baseUrl() {
    return this.#server.baseUrl
  }

  start() {
    return this.#server.start({
      ...this.database.env,
      FLOOR_CONNECTIONS: String(this.connections),
    })
  }

  /** Makes GET /<i> run statements[i]; returns the paths, request i on paths[i]. */
  async use(statements: ListStatements[]) {
    const response = await fetch(`${this.baseUrl}/statements`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(statements),
    })
    if (!response.ok) throw new Error(`floor: PUT /statements answered ${response.status}`)
    return statements.map((_, i) => `/${i}`)
  }

  stop() {
    return this.#server.stop()
  }
}
