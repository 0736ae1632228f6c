import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'

/**
 * The app key signs cookies and encrypts the session. It comes from APP_KEY
 * (generated into tmp/app_key on a laptop, see backend/start/app_key.ts).
 */
export const appKey = new Secret(env.get('APP_KEY').release())

/**
 * The public URL, used in printed messages and links.
 */
export const appUrl = env.get('APP_URL', `http://localhost:${env.get('PORT', 3333)}`)

export const http = defineConfig({
  serializeJSON,
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  trustProxy: () => true,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})

/**
 * Response bodies through the engine's own JSON.stringify. The stock
 * serializer (safe-stable-stringify with a replacer) cost about as much
 * as the list query itself; it is kept for what JSON.stringify refuses,
 * BigInt values, turned into strings as before.
 */
function serializeJSON(payload: unknown) {
  try {
    return JSON.stringify(payload)
  } catch {
    return JSON.stringify(payload, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value
    )
  }
}
