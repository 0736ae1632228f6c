/**
 * The HTTP floor's process (started by HttpFloor, never imported):
 * node:http and the raw driver, nothing else — no framework, no auth, no
 * validation. `PUT /statements` hands it a scenario's statements (JSON);
 * `GET /<i>` then runs statement i's count and page exactly as the raw
 * column's request i does, through the same client (bench/raw_client.ts),
 * and answers the page as the API would: `{ data, meta }`.
 */
import { createServer, type IncomingMessage } from 'node:http'
import { readList, type ListStatements } from './list_sql.ts'
import { mysqlRawClient, mysqlSettings, sqliteRawClient } from './raw_client.ts'

const env = process.env
const raw =
  env.DB_CONNECTION === 'sqlite'
    ? sqliteRawClient(env.SQLITE_PATH!)
    : mysqlRawClient(mysqlSettings(env.MYSQL_DB_NAME), Number(env.FLOOR_CONNECTIONS ?? 10))

let statements: ListStatements[] = []

async function list(index: number) {
  const { rows, total, capped } = await readList(raw, statements[index % statements.length])
  if (total === null) return { data: rows, meta: {} }
  return { data: rows, meta: { total, totalCapped: capped } }
}

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function answer(request: IncomingMessage): Promise<[number, string]> {
  if (request.url === '/health') return [200, '{"ok":true}']
  if (request.method === 'PUT' && request.url === '/statements') {
    statements = JSON.parse(await readBody(request))
    return [200, JSON.stringify({ statements: statements.length })]
  }
  const index = Number(request.url?.slice(1))
  if (!Number.isSafeInteger(index) || statements.length === 0) return [404, '{}']
  return [200, JSON.stringify(await list(index))]
}

const server = createServer((request, response) => {
  answer(request)
    .catch((error: Error): [number, string] => [500, JSON.stringify({ error: error.message })])
    .then(([status, body]) => {
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      })
      response.end(body)
    })
})
server.listen(Number(env.PORT), env.HOST)

process.once('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  raw.close().finally(() => process.exit(0))
})
