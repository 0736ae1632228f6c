import drive from '@adonisjs/drive/services/main'

/** Where a job's rejected lines are kept: next to its file. */
const keyOf = (fileKey: string) => `${fileKey}.rejected`

/**
 * The lines of an import file that its validation refused, in line order:
 * what a partial import leaves out, exactly, also when it resumes, and
 * what the rejected-rows CSV gives back. Four bytes a line in memory and
 * in the drive (a million bad rows: 4 MB), whatever the errors kept.
 */
export class RejectedLines {
  #lines = new Uint32Array(1024)
  #size = 0

  get size() {
    return this.#size
  }

  /** Lines must come in increasing order (a batch's rows, then the next batch's). */
  add(line: number) {
    if (this.#size > 0 && this.#lines[this.#size - 1] >= line) {
      if (this.has(line)) return
    }
    if (this.#size === this.#lines.length) {
      const grown = new Uint32Array(this.#lines.length * 2)
      grown.set(this.#lines)
      this.#lines = grown
    }
    this.#lines[this.#size++] = line
    if (this.#size > 1 && this.#lines[this.#size - 2] > line) this.#sorted().sort()
  }

  has(line: number) {
    const lines = this.#sorted()
    let low = 0
    let high = lines.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      if (lines[middle] === line) return true
      if (lines[middle] < line) low = middle + 1
      else high = middle - 1
    }
    return false
  }

  #sorted() {
    return this.#lines.subarray(0, this.#size)
  }

  async save(fileKey: string) {
    const bytes = Buffer.from(this.#sorted().slice().buffer)
    await drive.use().put(keyOf(fileKey), bytes)
  }

  /** The lines saved for `fileKey`; none when nothing was saved. */
  static async load(fileKey: string) {
    const lines = new RejectedLines()
    const disk = drive.use()
    if (!(await disk.exists(keyOf(fileKey)))) return lines
    const bytes = await disk.getBytes(keyOf(fileKey))
    const copy = new Uint8Array(bytes.byteLength)
    copy.set(bytes)
    const loaded = new Uint32Array(copy.buffer)
    lines.#lines = loaded.length > 0 ? loaded : lines.#lines
    lines.#size = loaded.length
    return lines
  }

  static async discard(fileKey: string) {
    await drive
      .use()
      .delete(keyOf(fileKey))
      .catch(() => {})
  }
}
