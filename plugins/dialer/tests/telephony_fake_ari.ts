import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { TelephonyAdapter, TelephonyEvent } from '../backend/telephony/types.ts'

interface FakeChannel {
  id: string
  state: 'Down' | 'Ringing' | 'Up'
  endpoint: string
  args: string[]
}

export interface FakeAriRequest {
  method: string
  path: string
  query: Record<string, string>
  authorization?: string
  body: any
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

/** One unmasked text frame, server to client (RFC 6455 §5.2). */
function frame(text: string) {
  const payload = Buffer.from(text)
  const length = payload.length
  const header =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65_536
        ? Buffer.from([0x81, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127]), Buffer.alloc(4), Buffer.from([0, 0, 0, 0])])
  if (length >= 65_536) header.writeUInt32BE(length, 6)
  return Buffer.concat([header, payload])
}

/**
 * A local Asterisk for the ARI adapter's tests: the REST calls the adapter
 * makes (originate with an id, list and read channels, hang up, bridges) and
 * the `/ari/events` WebSocket (a minimal RFC 6455 server over node:http), so
 * the adapter is tested over real HTTP and a real socket. The test drives the
 * calls (`ring`, `answer`, `machine`, `hangup`), breaks the stream
 * (`dropEvents`, `refuseEvents`) or slows the REST side (`delayMs`).
 */
export async function startFakeAri(
  options: { user?: string; password?: string; app?: string } = {}
) {
  const user = options.user ?? 'tablero'
  const password = options.password ?? 's3cret-ari'
  const app = options.app ?? 'tablero-dialer'
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  const channels = new Map<string, FakeChannel>()
  const bridges = new Map<string, Set<string>>()
  const sockets = new Set<Socket>()
  const received: FakeAriRequest[] = []
  const state = {
    /** REST answers this late (a server that times out) */
    delayMs: 0,
    /** upgrades still to refuse (a server whose event stream is down) */
    refuse: 0,
    /** agent legs answer by themselves */
    agentsAnswer: true,
    upgrades: 0,
  }
  const pending = new Set<NodeJS.Timeout>()

  function send(event: object) {
    const data = frame(JSON.stringify({ application: app, ...event }))
    for (const socket of sockets) socket.write(data)
  }

  const channelJson = (channel: FakeChannel) => ({
    id: channel.id,
    state: channel.state,
    name: channel.endpoint,
  })

  function setState(id: string, next: FakeChannel['state']) {
    const channel = channels.get(id)
    if (!channel) throw new Error(`fake ARI: no channel ${id}`)
    channel.state = next
    send({ type: 'ChannelStateChange', channel: channelJson(channel) })
    return channel
  }

  function destroy(id: string, cause: number) {
    const channel = channels.get(id)
    if (!channel) return false
    channels.delete(id)
    send({
      type: 'ChannelDestroyed',
      cause,
      cause_txt: `cause ${cause}`,
      channel: channelJson(channel),
    })
    return true
  }

  function route(request: FakeAriRequest): { status: number; body?: unknown } {
    if (request.authorization !== expected)
      return { status: 401, body: { message: 'Authentication required' } }
    const parts = request.path
      .replace(/^\/ari\//, '')
      .split('/')
      .map(decodeURIComponent)
    const [collection, id, action] = parts
    if (collection === 'channels') {
      if (request.method === 'GET' && !id)
        return { status: 200, body: [...channels.values()].map(channelJson) }
      if (request.method === 'GET') {
        const channel = channels.get(id)
        return channel
          ? { status: 200, body: channelJson(channel) }
          : { status: 404, body: { message: 'Channel not found' } }
      }
      if (request.method === 'POST' && id && !action) {
        if (channels.has(id))
          return { status: 409, body: { message: 'Channel with given unique ID already exists' } }
        const channel: FakeChannel = {
          id,
          state: 'Down',
          endpoint: request.query.endpoint,
          args: (request.query.appArgs ?? '').split(','),
        }
        channels.set(id, channel)
        if (channel.args[0] === 'agent' && state.agentsAnswer) {
          setImmediate(() => {
            channel.state = 'Up'
            send({ type: 'StasisStart', args: channel.args, channel: channelJson(channel) })
          })
        }
        return { status: 200, body: channelJson(channel) }
      }
      if (request.method === 'DELETE' && id) {
        return destroy(id, Number(request.query.reason_code ?? 16))
          ? { status: 204 }
          : { status: 404, body: { message: 'Channel not found' } }
      }
    }
    if (collection === 'bridges') {
      if (request.method === 'POST' && id && !action) {
        if (!bridges.has(id)) bridges.set(id, new Set())
        return {
          status: 200,
          body: { id, bridge_type: request.query.type ?? 'mixing', channels: [] },
        }
      }
      if (request.method === 'POST' && action === 'addChannel') {
        const bridge = bridges.get(id)
        if (!bridge) return { status: 404, body: { message: 'Bridge not found' } }
        for (const channelId of (request.query.channel ?? '').split(',')) {
          const channel = channels.get(channelId)
          if (!channel) return { status: 400, body: { message: 'Channel not found' } }
          bridge.add(channelId)
          send({ type: 'ChannelEnteredBridge', bridge: { id }, channel: channelJson(channel) })
        }
        return { status: 204 }
      }
      if (request.method === 'DELETE' && id) {
        return bridges.delete(id)
          ? { status: 204 }
          : { status: 404, body: { message: 'Bridge not found' } }
      }
    }
    return { status: 404, body: { message: 'Resource not found' } }
  }

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    let raw = ''
    incoming.on('data', (chunk) => (raw += chunk))
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://fake')
      const request: FakeAriRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: incoming.headers.authorization,
        body: raw ? JSON.parse(raw) : null,
      }
      received.push(request)
      // the work is done at once; only the answer is late, as with an overloaded Asterisk
      const { status, body } = route(request)
      const timer = setTimeout(() => {
        pending.delete(timer)
        if (response.destroyed) return
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(body === undefined ? '' : JSON.stringify(body))
      }, state.delayMs)
      pending.add(timer)
    })
  })

  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    state.upgrades++
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
    }
    if (request.headers.authorization !== expected) return refuse('401 Unauthorized')
    if (url.pathname !== '/ari/events' || url.searchParams.get('app') !== app)
      return refuse('404 Not Found')
    if (state.refuse > 0) {
      state.refuse--
      return refuse('503 Service Unavailable')
    }
    const accept = createHash('sha1')
      .update(String(request.headers['sec-websocket-key']) + GUID)
      .digest('base64')
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${accept}\r\n\r\n`
    )
    sockets.add(socket)
    socket.on('data', (data: Buffer) => {
      // a close frame from the client: answer it and end
      if ((data[0] & 0x0f) === 0x8) {
        socket.end(Buffer.from([0x88, 0]))
        sockets.delete(socket)
      }
    })
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    user,
    password,
    app,
    received,
    channels,
    bridges,
    state,
    /** event stream sockets open now */
    listeners: () => sockets.size,
    /** the far end rings */
    ring: (id: string) => setState(id, 'Ringing'),
    /** a person picks up: the channel is Up and enters the Stasis app */
    answer(id: string) {
      const channel = setState(id, 'Up')
      send({ type: 'StasisStart', args: channel.args, channel: channelJson(channel) })
    },
    /** answering-machine detection says machine */
    machine(id: string) {
      const channel = channels.get(id)!
      send({
        type: 'ChannelVarset',
        variable: 'AMDSTATUS',
        value: 'MACHINE',
        channel: channelJson(channel),
      })
    },
    hangup: (id: string, cause: number) => destroy(id, cause),
    /** the call ends on Asterisk with nobody listening (the stream is down) */
    vanish: (id: string) => channels.delete(id),
    /** the state changes with nobody listening */
    silently(id: string, next: FakeChannel['state']) {
      channels.get(id)!.state = next
    },
    /** cuts every event-stream socket, as a network drop or an Asterisk restart does */
    dropEvents() {
      for (const socket of sockets) socket.destroy()
      sockets.clear()
    },
    async close() {
      for (const timer of pending) clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type FakeAri = Awaited<ReturnType<typeof startFakeAri>>

/**
 * Every event an adapter emits, and a wait for the next one that matches
 * (`until`). The wait's limit only stops a broken test from hanging; no
 * assertion depends on how long anything took.
 */
export function recordEvents(adapter: TelephonyAdapter) {
  const events: TelephonyEvent[] = []
  const waiters = new Set<{
    match: (event: TelephonyEvent) => boolean
    resolve: (event: TelephonyEvent) => void
  }>()
  const stop = adapter.onEvent((event) => {
    events.push(event)
    for (const waiter of waiters) {
      if (waiter.match(event)) {
        waiters.delete(waiter)
        waiter.resolve(event)
      }
    }
  })
  return {
    events,
    stop,
    /** call events of one call, as `type` or `type:cause` */
    story: (callId: string) =>
      events
        .filter((event) => event.type !== 'connection' && event.callId === callId)
        .map((event) => (event.type === 'hangup' ? `hangup:${event.cause}` : event.type)),
    /** the first event that matches, already seen or still to come */
    until<T extends TelephonyEvent = TelephonyEvent>(
      match: (event: TelephonyEvent) => boolean,
      limitMs = 5000
    ): Promise<T> {
      const seen = events.find(match)
      if (seen) return Promise.resolve(seen as T)
      return new Promise<T>((resolve, reject) => {
        const waiter = { match, resolve: (event: TelephonyEvent) => resolve(event as T) }
        waiters.add(waiter)
        setTimeout(() => {
          if (!waiters.delete(waiter)) return
          reject(new Error(`no matching telephony event; seen: ${JSON.stringify(events)}`))
        }, limitMs).unref()
      })
    },
  }
}

/** The environment that points the ARI adapter at `fake` (short timeouts and backoffs for tests). */
export function fakeAriEnv(fake: FakeAri, overrides: Record<string, string> = {}) {
  return {
    DIALER_TELEPHONY: 'asterisk-ari',
    ARI_URL: fake.url,
    ARI_USER: fake.user,
    ARI_PASSWORD: fake.password,
    ARI_APP: fake.app,
    ARI_ENDPOINT: 'PJSIP/{to}@carrier',
    ARI_TIMEOUT_MS: '300',
    ARI_RECONNECT_MS: '20',
    ARI_RECONNECT_MAX_MS: '80',
    ...overrides,
  }
}
