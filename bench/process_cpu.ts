import { readFileSync, readdirSync } from 'node:fs'

const TICKS_PER_MS = 100 / 1000 // Linux USER_HZ

/**
 * utime + stime of a process, in ms (/proc/<pid>/stat fields 14 and 15).
 * On a shared machine latency and throughput move with whatever else runs;
 * the CPU a process spends on a piece of work barely does.
 */
export function cpuMs(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS
}

/** The local MariaDB/MySQL server's process id, when it runs on this machine (else null). */
export function databaseServerPid(): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim()
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry)
    } catch {
      // the process ended while the list was read
    }
  }
  return null
}
