import { test } from '@japa/runner'
import { connect } from 'node:net'

interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Sends bytes to the test server over a bare TCP socket (the HTTP clients
 * refuse to send such requests) and reads until the server closes.
 */
function rawRequest(request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(process.env.PORT), '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      socket.destroy()
      const text = Buffer.concat(chunks).toString('utf8')
      const [head, body = ''] = text.split('\r\n\r\n')
      const [statusLine, ...lines] = head.split('\r\n')
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':')
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]
        })
      )
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
    socket.write(request)
  })
}

function assertJsonError(answer: RawAnswer, status: number, code: string, assert: any) {
  assert.equal(answer.status, status, JSON.stringify(answer).slice(0, 300))
  assert.match(answer.headers['content-type'], /^application\/json/)
  assert.equal(answer.headers['connection'], 'close')
  assert.equal(Number(answer.headers['content-length']), Buffer.byteLength(answer.body))
  const parsed = JSON.parse(answer.body)
  assert.equal(parsed.error.code, code)
  assert.isString(parsed.error.message)
  return parsed.error.message as string
}

test.group('Requests Node refuses before routing', () => {
  test('a 64 KB header answers 431 in the JSON error shape, in English when asked, and closes the connection', async ({
    assert,
  }) => {
    const answer = await rawRequest(
      'GET /health HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n' +
        `X-Padding: ${'a'.repeat(64 * 1024)}\r\n\r\n`
    )
    const message = assertJsonError(answer, 431, 'REQUEST_TOO_LONG', assert)
    assert.include(message, 'too long')
  })

  test('a 1 MB URL answers 431 in the JSON error shape, in Spanish', async ({ assert }) => {
    const answer = await rawRequest(
      `GET /api/r/clients?filter=${'a'.repeat(1024 * 1024)} HTTP/1.1\r\n` +
        'Host: localhost\r\n\r\n'
    )
    const message = assertJsonError(answer, 431, 'REQUEST_TOO_LONG', assert)
    assert.include(message, 'demasiado largos')
  })

  test('a request that is not HTTP answers 400 in the JSON error shape', async ({ assert }) => {
    const answer = await rawRequest('HELLO THERE\r\n\r\n')
    assertJsonError(answer, 400, 'MALFORMED_REQUEST', assert)
  })
})
