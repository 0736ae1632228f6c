import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'
import { SIGN_IN_PATH } from '#config/session'

/**
 * CSRF protects the cookie session of the admin: the server sets XSRF-TOKEN
 * and the admin echoes it in the X-XSRF-TOKEN header. API clients that
 * authenticate with a bearer token send no cookie, so there is nothing to
 * forge and they skip the check.
 *
 * The content security policy applies to the API and to the admin (served by
 * admin_static_middleware with the same headers): scripts only from this
 * origin, never inline; styles also inline because antd (cssinjs) writes
 * `<style>` tags and `style=` attributes at run time; nobody may frame it.
 */
const shieldConfig = defineConfig({
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`],
      styleSrc: [`'self'`, `'unsafe-inline'`],
      imgSrc: [`'self'`, 'data:'],
      fontSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      frameAncestors: [`'none'`],
      formAction: [`'self'`],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    // Bearer requests carry no cookie to forge; POST /api/auth/tokens is how
    // a cookie-less API client signs in, with credentials in the body. The
    // sign-in comes before any session (so before any token) and takes JSON
    // only, which no cross-site form can send. Plugin webhooks (/api/webhooks/,
    // kernel/plugin_routes.ts) never use the session: each checks its caller's
    // signature itself.
    exceptRoutes: (ctx) =>
      /^Bearer\s/i.test(ctx.request.header('authorization') ?? '') ||
      ctx.request.url() === '/api/auth/tokens' ||
      ctx.request.url() === SIGN_IN_PATH ||
      ctx.request.url().startsWith('/api/webhooks/'),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: app.inProduction, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
