/** Slots filled at most to this share before the table doubles. */
const MAX_LOAD = 0.5
const FIRST_CAPACITY = 1 << 12

/**
 * The line where each value of an import file was seen first, for every
 * value of a million-row file without a million strings in memory: a
 * value is kept as a 64-bit fingerprint (two independent 32-bit hashes of
 * its text) in an open-addressing table of typed arrays, 12 bytes a slot
 * (2,000,000 values: 48 MB, where a Map of strings took several times
 * that). Two different values share a fingerprint with a chance of about
 * n² / 2⁶⁵ (2,000,000 values: 1 in 10 million), which would report a
 * repeat that is not one: the row is refused, never wrongly imported.
 */
export class FirstLines {
  #high = new Uint32Array(FIRST_CAPACITY)
  #low = new Uint32Array(FIRST_CAPACITY)
  #lines = new Int32Array(FIRST_CAPACITY)
  #size = 0

  get size() {
    return this.#size
  }

  /** The line that had `key` first, or undefined. */
  get(key: string): number | undefined {
    const [high, low] = fingerprint(key)
    const slot = this.#find(high, low)
    return this.#lines[slot] === 0 ? undefined : this.#lines[slot]
  }

  /** Remembers `line` for `key` unless the key has a line already. Lines start at 1. */
  set(key: string, line: number) {
    const [high, low] = fingerprint(key)
    const slot = this.#find(high, low)
    if (this.#lines[slot] !== 0) return
    this.#high[slot] = high
    this.#low[slot] = low
    this.#lines[slot] = line
    this.#size += 1
    if (this.#size > this.#lines.length * MAX_LOAD) this.#grow()
  }

  /** The slot holding the fingerprint, or the empty slot where it would go. */
  #find(high: number, low: number) {
    const mask = this.#lines.length - 1
    let slot = (low ^ high) & mask
    while (this.#lines[slot] !== 0) {
      if (this.#high[slot] === high && this.#low[slot] === low) return slot
      slot = (slot + 1) & mask
    }
    return slot
  }

  #grow() {
    const high = this.#high
    const low = this.#low
    const lines = this.#lines
    this.#high = new Uint32Array(lines.length * 2)
    this.#low = new Uint32Array(lines.length * 2)
    this.#lines = new Int32Array(lines.length * 2)
    for (const [slot, line] of lines.entries()) {
      if (line === 0) continue
      const target = this.#find(high[slot], low[slot])
      this.#high[target] = high[slot]
      this.#low[target] = low[slot]
      this.#lines[target] = line
    }
  }
}

/** FNV-1a and a Murmur-style multiply-rotate hash of the text's UTF-16 units. */
function fingerprint(text: string): [number, number] {
  let fnv = 0x811c9dc5
  let murmur = 0x9747b28c ^ text.length
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    fnv = Math.imul(fnv ^ unit, 0x01000193)
    let k = Math.imul(unit, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    murmur ^= Math.imul(k, 0x1b873593)
    murmur = (murmur << 13) | (murmur >>> 19)
    murmur = (Math.imul(murmur, 5) + 0xe6546b64) | 0
  }
  murmur ^= murmur >>> 16
  murmur = Math.imul(murmur, 0x85ebca6b)
  murmur ^= murmur >>> 13
  murmur = Math.imul(murmur, 0xc2b2ae35)
  murmur ^= murmur >>> 16
  return [fnv >>> 0, murmur >>> 0]
}
