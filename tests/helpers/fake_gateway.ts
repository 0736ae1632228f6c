import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeAnswer {
  status: number
  body: unknown
  /** answers this late (a slow service, for timeouts) */
  delayMs?: number
}

/**
 * A local stand-in for an outside HTTP service (the SMS/e-mail gateway, an
 * adapter's service): records what it receives and answers as told, the
 * same answer each time or the n-th answer for the n-th request (from 0),
 * so an HTTP adapter is tested over real HTTP.
 */
export async function startFakeGateway(answer: FakeAnswer | ((index: number) => FakeAnswer)) {
  const received: Array<{
    method: string
    url: string
    headers: IncomingMessage['headers']
    body: any
  }> = []
  const pending = new Set<NodeJS.Timeout>()
  const server: Server = createServer((request, response) => {
    let raw = ''
    request.on('data', (chunk) => (raw += chunk))
    request.on('end', () => {
      const index = received.length
      received.push({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: raw ? JSON.parse(raw) : null,
      })
      const { status, body, delayMs = 0 } = typeof answer === 'function' ? answer(index) : answer
      const timer = setTimeout(() => {
        pending.delete(timer)
        if (response.destroyed) return
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(body))
      }, delayMs)
      pending.add(timer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/messages`,
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => {
      for (const timer of pending) clearTimeout(timer)
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
