import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ClientNameWords } from '#services/client_name_words'
import { ensureFakeStaff } from './fake_staff.ts'
import { fakeClient, sqlDateTime } from './client_row.ts'
import { FillProgress } from './fill_progress.ts'
import { insertRows, type Row } from './row_inserter.ts'

export interface FillOptions {
  /** how many clients the table should hold at the end */
  count: number
  /** clients per transaction */
  batch: number
  agents?: number
  campaigns?: number
  onBatch?: (progress: FillProgress) => void
}

/**
 * Fills the clients table up to `count` rows (plus one primary phone per
 * client and its name words) for benchmarks. New clients take the ids after the highest one,
 * and every row is a pure function of its id, so a stopped run resumes
 * where it was and two runs to the same count give the same data.
 * Each batch is one transaction of multi-row inserts; ids are written
 * explicitly so the phones need no round trip to learn them.
 */
export class FakeClientFiller {
  constructor(private client: QueryClientContract) {}

  async fill(options: FillOptions) {
    // the day, not the second: reruns on the same day write identical rows
    const anchorMs = Math.floor(Date.now() / 86_400_000) * 86_400_000
    const now = sqlDateTime(Date.now())
    const staff = await ensureFakeStaff(
      this.client,
      { agents: options.agents ?? 50, campaigns: options.campaigns ?? 10 },
      now
    )
    const stats = await this.client
      .from('clients')
      .count('* as total')
      .max('id as maxId')
      .firstOrFail()
    const existing = Number(stats.total)
    let lastId = Number(stats.maxId ?? 0)
    const progress = new FillProgress(options.count, existing)
    await this.#speedUpSqlite()

    while (existing + progress.done < options.count) {
      const size = Math.min(options.batch, options.count - existing - progress.done)
      const clients: Row[] = []
      const phones: Row[] = []
      for (let id = lastId + 1; id <= lastId + size; id++) {
        const fake = fakeClient(id, staff, anchorMs)
        clients.push(fake.client)
        phones.push(fake.phone)
      }
      await this.client.transaction(async (trx) => {
        await insertRows(trx, 'clients', clients)
        await insertRows(trx, 'client_phones', phones)
        await insertRows(trx, 'client_name_words', ClientNameWords.rowsOf(clients))
      })
      lastId += size
      progress.add(size)
      options.onBatch?.(progress)
    }
    return progress
  }

  /**
   * On SQLite (one connection per process) a larger page cache keeps the
   * five random-order indexes in memory, and synchronous=OFF skips the
   * fsync of each commit. Both last for this command's connection only;
   * a crash mid-fill can at worst lose the last batches of fake rows.
   */
  async #speedUpSqlite() {
    if (!['better-sqlite3', 'sqlite3'].includes(this.client.dialect.name)) return
    await this.client.rawQuery('PRAGMA synchronous = OFF')
    await this.client.rawQuery('PRAGMA cache_size = -524288')
  }
}
