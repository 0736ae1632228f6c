import { spawn } from 'node:child_process'
import type { BenchDatabase } from './bench_database.ts'

/**
 * Brings a bench database to the requested size with the app's own
 * commands: migrate, seed the demo (only into an empty database: it gives
 * the admin account the bench signs in with), then fill fake clients up
 * to the count. A database that already holds them is left as it is.
 * `--disable-locks`: the bench's database is migrated by this process
 * alone, and Lucid's lock on MariaDB is server-wide (GET_LOCK('1')), so
 * any other app migrating any database on the server made it fail.
 */
export async function ensureBenchData(database: BenchDatabase, clients: number) {
  await database.create()
  await ace(['migration:run', '--force', '--disable-locks'], database.env)
  await ace(['db:seed'], database.env)
  await ace(['tablero:fake-clients', '--count', String(clients)], database.env)
}

export function ace(args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['ace.js', ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`node ace ${args.join(' ')} exited with ${code}`))
    )
  })
}
