import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { FakeClientFiller } from '#database/factories/fake_clients/fake_client_filler'
import type { FillProgress } from '#database/factories/fake_clients/fill_progress'
import { duration } from '#database/factories/fake_clients/fill_progress'

/**
 * node ace tablero:fake-clients --count 1000000 — fills the clients table
 * with deterministic fake clients for benchmarks (bench/), creating fake
 * agents and campaigns first when there are fewer than asked for. Adds
 * only what is missing to reach --count, so it can be rerun or resumed.
 * Meant for benchmark databases: it never deletes or changes a row.
 */
export default class TableroFakeClients extends BaseCommand {
  static commandName = 'tablero:fake-clients'
  static description = 'Fill the clients table up to --count fake clients (benchmarks only)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Clients the table should hold at the end', required: true })
  declare count: number

  @flags.number({ description: 'Clients per transaction', default: 5000 })
  declare batch: number

  @flags.number({ description: 'Agents the fake clients are spread over', default: 50 })
  declare agents: number

  @flags.number({ description: 'Campaigns the fake clients are spread over', default: 10 })
  declare campaigns: number

  async run() {
    if (!(this.count >= 0) || !(this.batch >= 1)) {
      this.logger.error('--count must be 0 or more and --batch 1 or more')
      this.exitCode = 1
      return
    }
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const filler = new FakeClientFiller(db.connection())
    let lastPrinted = 0
    const progress = await filler.fill({
      count: this.count,
      batch: this.batch,
      agents: this.agents,
      campaigns: this.campaigns,
      onBatch: (state) => {
        lastPrinted = this.#print(state, lastPrinted)
      },
    })
    if (process.stdout.isTTY && progress.done > 0) process.stdout.write('\n')
    this.logger.success(
      progress.done === 0
        ? `The clients table already holds ${this.count.toLocaleString('en-US')} clients or more`
        : `Added ${progress.done.toLocaleString('en-US')} clients in ` +
            `${duration(progress.elapsedSeconds)} (${Math.round(progress.rowsPerSecond)} rows/s)`
    )
  }

  /** One rewritten line on a terminal; a line every ten seconds in a log. */
  #print(progress: FillProgress, lastPrinted: number) {
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${progress.line()}   `)
      return lastPrinted
    }
    const now = performance.now()
    if (now - lastPrinted < 10_000) return lastPrinted
    this.logger.info(progress.line())
    return now
  }
}
