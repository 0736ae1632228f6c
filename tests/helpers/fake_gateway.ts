import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for the SMS/e-mail gateway: records what it receives and
 * answers as told, so the real HTTP provider is tested over real HTTP.
 */
export async function startFakeGateway(answer: { status: number; body: unknown }) {
  const received: Array<{ headers: IncomingMessage['headers']; body: any }> = []
  const server: Server = createServer((request, response) => {
    let raw = ''
    request.on('data', (chunk) => (raw += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: raw ? JSON.parse(raw) : null })
      response.writeHead(answer.status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/messages`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
