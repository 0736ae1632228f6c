import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/**
 * Every test run starts from an empty database: the SQLite test file is
 * deleted here; on MySQL the CI script creates a fresh database per run
 * and points MYSQL_DB_NAME at it.
 */
export async function resetTestDatabase() {
  if ((process.env.DB_CONNECTION ?? 'sqlite') !== 'sqlite') return
  const file =
    process.env.SQLITE_PATH ?? fileURLToPath(new URL('../../tmp/test.sqlite3', import.meta.url))
  await rm(file, { force: true })
}
