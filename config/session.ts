import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * The admin signs in with a session cookie. The default "cookie" store keeps
 * the (encrypted) session in the cookie itself, so any app node can serve
 * any request; SESSION_DRIVER=redis keeps it in Redis instead.
 * Revocation ("log out everywhere") does not depend on the store: see
 * SessionVersionMiddleware. Only a request that carries this cookie, or
 * signs in, has a session (BrowserSecurityMiddleware): anonymous and
 * scripted hits store nothing.
 */
export const SESSION_COOKIE = 'tablero-session'
/** Where the admin signs in: the one request that may start a session. */
export const SIGN_IN_PATH = '/api/auth/login'

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: SESSION_COOKIE,
  clearWithBrowser: false,
  age: '8h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER', app.inTest ? 'memory' : 'cookie'),
  stores: {
    cookie: stores.cookie(),
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
