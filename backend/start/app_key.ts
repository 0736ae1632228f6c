import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'

/**
 * APP_KEY signs and encrypts session cookies. Production must set it (and
 * share it between app nodes); on a laptop or in CI we keep a generated key
 * in tmp/app_key so `npm start` needs no `.env` and sessions survive a restart.
 */
export async function ensureAppKey(appRoot: URL) {
  if (process.env.APP_KEY || process.env.NODE_ENV === 'production') return

  const dir = new URL('tmp/', appRoot)
  const file = new URL('app_key', dir)
  try {
    const stored = await readFile(file, 'utf8')
    process.env.APP_KEY = stored.trim()
  } catch {
    const key = randomBytes(32).toString('base64url')
    await mkdir(dir, { recursive: true })
    await writeFile(file, key, { mode: 0o600 })
    process.env.APP_KEY = key
  }
}
