import { phoneOf } from '../../database/factories/fake_clients/phone_plan.ts'

/** What one request of the load was, and how it ended. */
export interface Outcome {
  node: string
  kind: 'read' | 'write' | 'plugin'
  /** HTTP status, or 0 when no answer came (refused, reset, timed out) */
  status: number
  code: string | null
  ms: number
  /** the answer carried a stack trace or a driver's message */
  leaked: boolean
}

export interface LoadNode {
  name: string
  baseUrl: string
  /** false while the bench has the node down: a load balancer's health check takes it out */
  up: boolean
}

/** No request may wait longer than this: past it, it counts as hung. */
const HANG_MS = 10_000
/** Phone serials of the load's clients: far from the fake clients', the demo's and the imports'. */
const PHONE_SERIAL = 200_000_000

/**
 * A bounded mixed load spread over the nodes that are up, at `rate`
 * requests per second whatever the answers take (each request is sent on
 * its tick, not after the previous one): 60 % clients list reads, 20 %
 * client creations (each with a document of its own, so an acknowledged
 * write can be looked for), 20 % reads of the toggled plugin's own route.
 * Every outcome is kept, with the scenario running when it was sent.
 */
export class MixedLoad {
  outcomes: Array<Outcome & { scenario: string }> = []
  /** documents of the clients whose creation answered 201, per scenario */
  acknowledged = new Map<string, string[]>()
  scenario = 'warm-up'
  #timer: NodeJS.Timeout | null = null
  #inFlight = new Set<Promise<void>>()
  #sent = 0

  constructor(
    private nodes: LoadNode[],
    private token: string,
    readonly run: string,
    private pluginPath: string,
    private rate = 100
  ) {}

  start() {
    this.#timer = setInterval(() => this.#tick(), 1000 / this.rate)
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    await Promise.all(this.#inFlight)
  }

  /** The outcomes of one scenario. */
  of(scenario: string) {
    return this.outcomes.filter((outcome) => outcome.scenario === scenario)
  }

  #tick() {
    const up = this.nodes.filter((node) => node.up)
    if (up.length === 0) return
    const n = this.#sent++
    const node = up[n % up.length]
    const pick = n % 10
    const kind = pick < 6 ? 'read' : pick < 8 ? 'write' : 'plugin'
    const scenario = this.scenario
    const request = this.#send(node, kind, n, scenario).finally(() =>
      this.#inFlight.delete(request)
    )
    this.#inFlight.add(request)
  }

  async #send(node: LoadNode, kind: Outcome['kind'], n: number, scenario: string) {
    const document = `L${this.run}-${n}`
    const init: RequestInit = {
      headers: {
        'authorization': `Bearer ${this.token}`,
        'accept': 'application/json',
        'content-type': 'application/json',
      },
      signal: AbortSignal.timeout(HANG_MS),
    }
    let path = '/api/r/clients?perPage=10&sort=-id'
    if (kind === 'plugin') path = this.pluginPath
    if (kind === 'write') {
      path = '/api/r/clients'
      init.method = 'POST'
      init.body = JSON.stringify({
        first_name: 'Carga',
        last_name: `Nodo ${node.name}`,
        document,
        primary_phone: phoneOf(PHONE_SERIAL + n).e164,
      })
    }
    const started = performance.now()
    let status = 0
    let code: string | null = null
    let leaked = false
    try {
      const response = await fetch(`${node.baseUrl}${path}`, init)
      status = response.status
      const text = await response.text()
      if (status >= 300) {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null
        leaked = /\bat .+:\d+:\d+|ECONNREFUSED|PROTOCOL_|ER_[A-Z_]+/.test(text)
      }
    } catch (error) {
      code = (error as Error).name === 'TimeoutError' ? 'HUNG' : 'NO_ANSWER'
    }
    const ms = performance.now() - started
    this.outcomes.push({ node: node.name, kind, status, code, ms, leaked, scenario })
    if (kind === 'write' && status === 201) {
      const list = this.acknowledged.get(scenario) ?? []
      list.push(document)
      this.acknowledged.set(scenario, list)
    }
  }
}
