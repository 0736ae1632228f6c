import type { Duplex } from 'node:stream'
import { spanishCodeMessage } from './api_error.ts'

/**
 * Requests Node refuses before any route sees them: headers (the URL
 * included) past the 16 KB limit, broken HTTP, a client too slow to send
 * its headers. Node answers those with an empty body; these answers carry
 * the API's `{ error: { code, message } }` like every other.
 */
const REFUSALS: Record<string, { status: number; reason: string; code: string; message: string }> =
  {
    HPE_HEADER_OVERFLOW: {
      status: 431,
      reason: 'Request Header Fields Too Large',
      code: 'REQUEST_TOO_LONG',
      message:
        "The request's address or headers are too long: use fewer filters, or clear this site's cookies, and try again",
    },
    ERR_HTTP_REQUEST_TIMEOUT: {
      status: 408,
      reason: 'Request Timeout',
      code: 'REQUEST_TIMEOUT',
      message: 'The request took too long to arrive: try again',
    },
  }

const MALFORMED = {
  status: 400,
  reason: 'Bad Request',
  code: 'MALFORMED_REQUEST',
  message: 'The request is not valid HTTP',
}

/** English when the part of the request that arrived asks for it, Spanish otherwise. */
function asksForEnglish(rawPacket: unknown) {
  if (!Buffer.isBuffer(rawPacket)) return false
  return /\r\naccept-language:[ \t]*en/i.test(rawPacket.toString('latin1'))
}

/**
 * The whole HTTP/1.1 answer for a request Node could not parse, written
 * straight to the socket, which is then closed (what came after the broken
 * part cannot be trusted to start a new request).
 */
export function clientErrorResponse(error: { code?: string; rawPacket?: unknown }) {
  const refusal = REFUSALS[error.code ?? ''] ?? MALFORMED
  const message = asksForEnglish(error.rawPacket)
    ? refusal.message
    : (spanishCodeMessage(refusal.code) ?? refusal.message)
  const body = JSON.stringify({ error: { code: refusal.code, message } })
  return (
    `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  )
}

/** How long a refused client has to read the answer and hang up. */
const LINGER_MS = 5000

/** Sockets already answered: Node reports an error again for every chunk that follows. */
const answered = new WeakSet<Duplex>()

/**
 * The `clientError` listener of the Node HTTP server. What the client is
 * still sending (the rest of a 1 MB URL) is read and dropped: destroying
 * the socket with unread bytes would reset the connection and lose the
 * answer.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex) {
  if (answered.has(socket)) return
  answered.add(socket)
  // Nothing can be written to a connection the client already dropped.
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
  socket.end(clientErrorResponse(error))
  socket.resume()
  setTimeout(() => socket.destroy(), LINGER_MS).unref()
}
