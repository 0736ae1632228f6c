/**
 * How many calls the dialer places now, for one campaign: a pure function of
 * the agents free, the calls already in flight and the recent outcomes, so it
 * is the same on every node and tested without a telephone.
 *
 * - `preview`: none by itself; the agent sees the contact and clicks to call.
 * - `progressive`: one call per free agent (never more calls in flight than
 *   free agents, so no call is ever abandoned).
 * - `ratio`: `dialLevel` calls per free agent, never past `maxDialLevel`.
 * - `adaptive`: the most calls whose expected abandons stay within the target
 *   share of answered calls (3 % by default), given the recent answer rate;
 *   when the measured abandon rate runs over the target, the target it aims
 *   at tightens in proportion, and it never passes `maxDialLevel`.
 */

export type DialingMode = 'preview' | 'progressive' | 'ratio' | 'adaptive'

export interface PacingSettings {
  mode: DialingMode
  /** ratio: calls per free agent (default 1.5) */
  dialLevel?: number
  /** ratio and adaptive: ceiling on calls in flight per free agent (default 3) */
  maxDialLevel?: number
  /** adaptive: abandoned ÷ answered to hold (default 0.03) */
  targetAbandonRate?: number
  /** adaptive: attempts needed before the answer rate is trusted; progressive until then (default 50) */
  minSample?: number
}

/** Recent outcomes, over a sliding window the caller keeps (the last 15 minutes, say). */
export interface PacingStats {
  /** calls placed that have ended or been answered */
  attempts: number
  /** calls a person answered (put through to an agent or abandoned) */
  answered: number
  /** answered calls that found no free agent */
  abandoned: number
}

export interface PacingInput {
  /** agents waiting for a call (not talking, not in wrap-up, not paused) */
  agentsFree: number
  /** calls placed and still dialing or ringing */
  callsInFlight: number
  recent: PacingStats
}

export interface PacingDecision {
  /** calls to place now */
  calls: number
  /** calls in flight per free agent this decision allows */
  dialLevel: number
  /** why, in a line the wallboard can show */
  reason: string
}

/** how far past the target one decision may aim while the measured rate is under it */
const MAX_LOOSEN = 4

const DEFAULTS = { dialLevel: 1.5, maxDialLevel: 3, targetAbandonRate: 0.03, minSample: 50 }

/** The most calls that may be in flight at once for these free agents. */
function ceilingFor(agentsFree: number, settings: PacingSettings) {
  return Math.floor(agentsFree * (settings.maxDialLevel ?? DEFAULTS.maxDialLevel))
}

function decide(calls: number, input: PacingInput, reason: string): PacingDecision {
  const placed = Math.max(0, calls)
  const dialLevel = input.agentsFree > 0 ? (input.callsInFlight + placed) / input.agentsFree : 0
  return { calls: placed, dialLevel: Math.round(dialLevel * 100) / 100, reason }
}

/**
 * Expected calls answered beyond `agents`, when `lines` calls are each
 * answered with probability `p`: E[max(0, X − agents)], X ~ Binomial(lines, p).
 */
export function expectedExcess(lines: number, p: number, agents: number) {
  if (lines <= agents || p <= 0) return 0
  if (p >= 1) return lines - agents
  // the binomial's terms by recurrence, from P(X = 0) = (1 − p)^lines
  let term = Math.pow(1 - p, lines)
  let belowWeighted = 0
  for (let x = 0; x <= agents; x++) {
    belowWeighted += (x - agents) * term
    term = (term * (lines - x) * p) / ((x + 1) * (1 - p))
  }
  // E[X − agents] − E[(X − agents); X ≤ agents]
  return lines * p - agents - belowWeighted
}

/**
 * The abandon share one decision aims at: the measured rate steers it, as
 * `target² ÷ measured` (twice the target measured → half the target aimed
 * at; half measured → twice aimed), kept between a quarter of the target and
 * `loosen` times it. The model behind each decision is cautious (agents about
 * to be free count for nothing), so without this a campaign would abandon far
 * fewer calls than allowed and keep its agents idle.
 */
export function aimedAbandonRate(
  target: number,
  recent: PacingStats,
  minSample: number,
  loosen = MAX_LOOSEN
) {
  if (recent.answered < minSample / 2 || recent.answered === 0) return target
  const measured = recent.abandoned / recent.answered
  if (measured <= 0) return target * loosen
  return Math.min(target * loosen, Math.max(target / 4, (target * target) / measured))
}

export function paceCalls(input: PacingInput, settings: PacingSettings): PacingDecision {
  const free = Math.max(0, Math.floor(input.agentsFree))
  const inFlight = Math.max(0, Math.floor(input.callsInFlight))
  const at = { ...input, agentsFree: free, callsInFlight: inFlight }
  if (settings.mode === 'preview') return decide(0, at, 'preview: the agent places each call')
  if (free === 0) return decide(0, at, 'no free agent')
  if (settings.mode === 'progressive') {
    return decide(free - inFlight, at, 'progressive: one call per free agent')
  }
  const ceiling = ceilingFor(free, settings)
  if (settings.mode === 'ratio') {
    const level = Math.min(
      settings.dialLevel ?? DEFAULTS.dialLevel,
      settings.maxDialLevel ?? DEFAULTS.maxDialLevel
    )
    return decide(Math.min(Math.floor(free * level), ceiling) - inFlight, at, `ratio ${level}`)
  }
  const minSample = settings.minSample ?? DEFAULTS.minSample
  const { attempts, answered } = input.recent
  if (attempts < minSample || answered === 0) {
    return decide(
      free - inFlight,
      at,
      'adaptive: learning the answer rate, one call per free agent'
    )
  }
  const p = Math.min(1, answered / attempts)
  const target = settings.targetAbandonRate ?? DEFAULTS.targetAbandonRate
  const aim = aimedAbandonRate(target, input.recent, minSample)
  let lines = Math.max(inFlight, free)
  while (lines < ceiling && expectedExcess(lines + 1, p, free) <= aim * (lines + 1) * p) lines++
  return decide(
    lines - inFlight,
    at,
    `adaptive: answer rate ${Math.round(p * 100)} %, aiming at ${(aim * 100).toFixed(1)} % abandoned`
  )
}
