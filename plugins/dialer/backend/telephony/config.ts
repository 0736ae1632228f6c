import type { TelephonyKind } from './types.ts'

/** The simulated platform's knobs: the same seed gives every call the same fate. */
export interface SimulatedConfig {
  kind: 'simulated'
  seed: string
  /** share of calls a person answers */
  answerRate: number
  /** share of calls an answering machine takes */
  machineRate: number
  /** share of calls that are busy; the rest ring out (no answer) */
  busyRate: number
  /** between two steps of a call (dialing → ringing → answered…) */
  delayMs: number
}

export interface AriConfig {
  kind: 'asterisk-ari'
  /** `http(s)://host:8088`, without `/ari` */
  url: string
  user: string
  password: string
  /** the Stasis application the calls are placed into */
  app: string
  /** the client's leg, `{to}` replaced by the E.164 number */
  endpoint: string
  /** the agent's leg, `{extension}` replaced by the agent's extension */
  agentEndpoint: string
  /** every HTTP call's time-out */
  timeoutMs: number
  /** WebSocket reconnect backoff: first pause, doubled up to the cap */
  reconnectMs: number
  reconnectMaxMs: number
  /** while connected, how often the live channels are compared with the calls held (0: never) */
  reconcileMs: number
}

export type TelephonyConfig = SimulatedConfig | AriConfig

/** A setting the operator must fix; the message names the variable and what it takes. */
export class TelephonyConfigError extends Error {
  readonly code = 'TELEPHONY_CONFIG'
  constructor(message: string) {
    super(message)
    this.name = 'TelephonyConfigError'
  }
}

type Env = Record<string, string | undefined>

const KINDS: TelephonyKind[] = ['simulated', 'asterisk-ari']

function rate(env: Env, name: string, fallback: number) {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new TelephonyConfigError(`${name} must be a number from 0 to 1, not "${raw}"`)
  }
  return value
}

function positiveInt(env: Env, name: string, fallback: number, min = 1) {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new TelephonyConfigError(`${name} must be a whole number ≥ ${min}, not "${raw}"`)
  }
  return value
}

function simulated(env: Env): SimulatedConfig {
  const config: SimulatedConfig = {
    kind: 'simulated',
    seed: env.DIALER_SIM_SEED || 'tablero',
    answerRate: rate(env, 'DIALER_SIM_ANSWER_RATE', 0.35),
    machineRate: rate(env, 'DIALER_SIM_MACHINE_RATE', 0.1),
    busyRate: rate(env, 'DIALER_SIM_BUSY_RATE', 0.05),
    delayMs: positiveInt(env, 'DIALER_SIM_DELAY_MS', 1500, 0),
  }
  const sum = config.answerRate + config.machineRate + config.busyRate
  if (sum > 1) {
    throw new TelephonyConfigError(
      `DIALER_SIM_ANSWER_RATE + DIALER_SIM_MACHINE_RATE + DIALER_SIM_BUSY_RATE must not pass 1 (they add up to ${sum})`
    )
  }
  return config
}

function ari(env: Env): AriConfig {
  const missing = ['ARI_URL', 'ARI_USER', 'ARI_PASSWORD', 'ARI_APP'].filter((name) => !env[name])
  if (missing.length > 0) {
    throw new TelephonyConfigError(
      `DIALER_TELEPHONY=asterisk-ari needs ${missing.join(', ')} (ARI_URL is Asterisk's HTTP address, e.g. http://pbx:8088)`
    )
  }
  let url: URL
  try {
    url = new URL(env.ARI_URL!)
  } catch {
    throw new TelephonyConfigError(
      `ARI_URL must be a URL such as http://pbx:8088, not "${env.ARI_URL}"`
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TelephonyConfigError(
      `ARI_URL must start with http:// or https://, not "${url.protocol}"`
    )
  }
  if (url.username || url.password) {
    throw new TelephonyConfigError(
      'ARI_URL must not hold credentials: use ARI_USER and ARI_PASSWORD'
    )
  }
  if (!/^[A-Za-z0-9._-]+$/.test(env.ARI_APP!)) {
    throw new TelephonyConfigError(`ARI_APP must be letters, digits, dots, dashes or underscores`)
  }
  const endpoint = env.ARI_ENDPOINT || 'PJSIP/{to}@trunk'
  if (!endpoint.includes('{to}')) {
    throw new TelephonyConfigError(`ARI_ENDPOINT must contain {to}, e.g. PJSIP/{to}@trunk`)
  }
  const agentEndpoint = env.ARI_AGENT_ENDPOINT || 'PJSIP/{extension}'
  if (!agentEndpoint.includes('{extension}')) {
    throw new TelephonyConfigError(
      `ARI_AGENT_ENDPOINT must contain {extension}, e.g. PJSIP/{extension}`
    )
  }
  const reconnectMs = positiveInt(env, 'ARI_RECONNECT_MS', 500)
  return {
    kind: 'asterisk-ari',
    url: url
      .toString()
      .replace(/\/+$/, '')
      .replace(/\/ari$/, ''),
    user: env.ARI_USER!,
    password: env.ARI_PASSWORD!,
    app: env.ARI_APP!,
    endpoint,
    agentEndpoint,
    timeoutMs: positiveInt(env, 'ARI_TIMEOUT_MS', 5000),
    reconnectMs,
    reconnectMaxMs: positiveInt(env, 'ARI_RECONNECT_MAX_MS', 30_000, reconnectMs),
    reconcileMs: positiveInt(env, 'ARI_RECONCILE_MS', 30_000, 0),
  }
}

/**
 * Reads the telephony settings (`DIALER_TELEPHONY`, default `simulated`) and
 * refuses a bad one with a message naming the variable, so a wrong setting
 * stops the dialer at once instead of failing on the first call.
 */
export function readTelephonyConfig(env: Env = process.env): TelephonyConfig {
  const kind = env.DIALER_TELEPHONY || 'simulated'
  if (kind === 'simulated') return simulated(env)
  if (kind === 'asterisk-ari') return ari(env)
  throw new TelephonyConfigError(
    `DIALER_TELEPHONY must be one of ${KINDS.join(', ')}, not "${kind}"`
  )
}
