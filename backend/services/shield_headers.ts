import type { HttpContext } from '@adonisjs/core/http'
import { cspFactory, frameGuardFactory, hstsFactory, noSniffFactory } from '@adonisjs/shield/guards'
import shieldConfig from '#config/shield'

/**
 * The shield's response headers (CSP, X-Frame-Options, HSTS, nosniff) from the one shield
 * config, for answers that never reach the router's shield middleware: the admin's page and
 * assets are served by a server middleware, before any route, session or CSRF.
 */
const guards = [
  cspFactory(shieldConfig.csp ?? {}),
  frameGuardFactory(shieldConfig.xFrame ?? {}),
  hstsFactory(shieldConfig.hsts ?? {}),
  noSniffFactory(shieldConfig.contentTypeSniffing ?? {}),
]

export async function applyShieldHeaders(ctx: HttpContext) {
  for (const guard of guards) await guard(ctx)
}
