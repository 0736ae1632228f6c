import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

/**
 * How busy the machine is while the bench itself is idle: the share of
 * CPU time spent outside the idle state over one second, from /proc/stat
 * (Linux), or the 1-minute load average per core elsewhere. Taken between
 * scenarios, it shows what other processes were doing, which the load
 * average (still counting the previous scenario) cannot. Time of niced
 * processes (`nice -n 19 npm test`) counts as idle: the kernel gives them
 * the CPU only when the bench's processes leave it.
 */
export async function busyShare(): Promise<number> {
  const first = cpuTimes()
  if (!first) return Math.min(1, loadavg()[0] / cpus().length)
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const second = cpuTimes()!
  const total = second.total - first.total
  return total > 0 ? 1 - (second.idle - first.idle) / total : 0
}

function cpuTimes() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]
    const values = line.split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait …: niced work yields to the bench, so it is idle here
    const idle = values[1] + values[3] + (values[4] ?? 0)
    return { idle, total: values.reduce((sum, value) => sum + value, 0) }
  } catch {
    return null
  }
}

/**
 * Waits (up to `maxSeconds`) for the other processes to leave the CPU
 * mostly idle, so a measurement is not a measurement of someone's test
 * suite. Returns the busy share finally seen.
 */
export async function waitForQuiet(threshold: number, maxSeconds: number) {
  const deadline = Date.now() + maxSeconds * 1000
  let busy = await busyShare()
  while (busy > threshold && Date.now() < deadline) busy = await busyShare()
  return busy
}
