/**
 * After `threshold` failed calls in a row the breaker opens: calls fail at
 * once for `cooldownMs` (the tab says "UPG no disponible" without waiting on
 * a dead gateway). Then one call is let through: success closes it, failure
 * opens it again. Each node keeps its own (a node learns a gateway is down by
 * itself, in at most `threshold` calls).
 */
export class CircuitBreaker {
  #failures = 0
  #openUntil = 0
  #halfOpen = false

  constructor(
    readonly threshold: number,
    readonly cooldownMs: number
  ) {}

  /** Whether a call would fail at once now. */
  isOpen(now = Date.now()) {
    return now < this.#openUntil
  }

  /** Milliseconds until a call is let through again (0 when closed). */
  retryInMs(now = Date.now()) {
    return Math.max(0, this.#openUntil - now)
  }

  /** Call before a call; false while open. */
  allow(now = Date.now()) {
    if (this.isOpen(now)) return false
    if (this.#openUntil > 0) this.#halfOpen = true
    return true
  }

  succeeded() {
    this.#failures = 0
    this.#openUntil = 0
    this.#halfOpen = false
  }

  failed(now = Date.now()) {
    this.#failures += 1
    if (this.#halfOpen || this.#failures >= this.threshold) {
      this.#openUntil = now + this.cooldownMs
      this.#failures = 0
      this.#halfOpen = false
    }
  }
}
