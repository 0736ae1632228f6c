import type { PacingStats } from './pacing.ts'

export type CallOutcome = 'answered' | 'abandoned' | 'unanswered'

/**
 * The outcomes of a campaign's recent calls, for `paceCalls`: each call that
 * ended or was answered, kept for `windowMs`. Times are passed in, so the
 * window is exact in tests and replays; the dialer passes `Date.now()`.
 */
export class OutcomeWindow {
  readonly #entries: Array<{ at: number; outcome: CallOutcome }> = []

  constructor(readonly windowMs = 15 * 60_000) {}

  /** an answered call put through (`answered`), found no agent (`abandoned`), or ended unanswered */
  record(outcome: CallOutcome, at: number) {
    this.#entries.push({ at, outcome })
  }

  stats(now: number): PacingStats {
    const since = now - this.windowMs
    while (this.#entries.length > 0 && this.#entries[0].at < since) this.#entries.shift()
    let answered = 0
    let abandoned = 0
    for (const { outcome } of this.#entries) {
      if (outcome !== 'unanswered') answered++
      if (outcome === 'abandoned') abandoned++
    }
    return { attempts: this.#entries.length, answered, abandoned }
  }
}
