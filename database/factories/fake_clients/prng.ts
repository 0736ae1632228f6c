/**
 * A small seeded pseudo-random generator (mulberry32). Fake data is drawn
 * from one generator per row, seeded by the row's id, so any row can be
 * regenerated alone, a run can resume where it stopped, and the same id
 * always gets the same client whatever the batch size.
 */
export class Prng {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  /** The generator of one row: `id` mixed with a namespace (clients, phones…). */
  static forRow(id: number, namespace: number) {
    return new Prng(mix(Math.imul(id, 0x9e3779b1) ^ mix(namespace) ^ Math.floor(id / 2 ** 32)))
  }

  /** A float in [0, 1). */
  next() {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number) {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  weighted<T>(table: WeightedTable<T>): T {
    return table.pick(this.next())
  }
}

/**
 * Items with relative weights, drawn by binary search over the cumulative
 * weights: names and statuses are skewed like real bases, not uniform.
 */
export class WeightedTable<T> {
  readonly #items: T[]
  readonly #cumulative: number[]

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.#items = entries.map(([item]) => item)
    let total = 0
    this.#cumulative = entries.map(([, weight]) => (total += weight))
    this.#cumulative = this.#cumulative.map((sum) => sum / total)
  }

  /**
   * Zipf-like weights for a list ordered from most to least common.
   */
  static zipf<T>(items: readonly T[], exponent = 0.7) {
    return new WeightedTable(items.map((item, rank) => [item, 1 / (rank + 1) ** exponent] as const))
  }

  pick(uniform: number): T {
    let low = 0
    let high = this.#cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.#cumulative[middle] > uniform) high = middle
      else low = middle + 1
    }
    return this.#items[low]
  }
}

function mix(value: number) {
  let h = value >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
