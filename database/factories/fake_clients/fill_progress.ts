/**
 * Rows written so far, rows per second and the time left, for the
 * progress line of a long fill.
 */
export class FillProgress {
  readonly #startedAt = performance.now()
  done = 0

  constructor(
    readonly total: number,
    readonly alreadyThere: number
  ) {}

  add(rows: number) {
    this.done += rows
  }

  get rowsPerSecond() {
    const seconds = (performance.now() - this.#startedAt) / 1000
    return seconds > 0 ? this.done / seconds : 0
  }

  get elapsedSeconds() {
    return (performance.now() - this.#startedAt) / 1000
  }

  /** "412,000 / 1,000,000 clients  18,204 rows/s  ETA 0:32" */
  line() {
    const rate = this.rowsPerSecond
    const left = this.total - this.alreadyThere - this.done
    const eta = rate > 0 ? duration(left / rate) : '?'
    const count = (this.alreadyThere + this.done).toLocaleString('en-US')
    return (
      `${count} / ${this.total.toLocaleString('en-US')} clients  ` +
      `${Math.round(rate).toLocaleString('en-US')} rows/s  ETA ${eta}`
    )
  }
}

export function duration(seconds: number) {
  const whole = Math.max(0, Math.round(seconds))
  const minutes = Math.floor(whole / 60)
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`
}
