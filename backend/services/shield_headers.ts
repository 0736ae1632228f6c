import type { HttpContext } from '@adonisjs/core/http'
import { cspFactory, frameGuardFactory, hstsFactory, noSniffFactory } from '@adonisjs/shield/guards'
import shieldConfig from '#config/shield'

/**
 * The shield's response headers (CSP, X-Frame-Options, HSTS, nosniff) from the one shield
 * config, for answers that never reach the router's shield middleware: the admin's page and
 * assets (served by a server middleware, before any route), and API answers without a session.
 */
/** Read before cspFactory resolves '@nonce' into a function. */
const usesNonce = JSON.stringify(shieldConfig.csp?.directives ?? {}).includes('@nonce')
const guards = [
  cspFactory(shieldConfig.csp ?? {}),
  frameGuardFactory(shieldConfig.xFrame ?? {}),
  hstsFactory(shieldConfig.hsts ?? {}),
  noSniffFactory(shieldConfig.contentTypeSniffing ?? {}),
]

/**
 * The shield's CSP guard draws a nonce for every answer, whether or not the
 * policy names one. Ours names none, so the headers are the same for every
 * answer: they are worked out once by the shield's own guards and then
 * copied. A policy that starts using `@nonce` gets the guards per answer.
 */
let constantHeaders: Promise<Array<[string, string]>> | undefined

async function recordHeaders() {
  const headers: Array<[string, string]> = []
  const record = (name: string, value: unknown) => headers.push([name, String(value)])
  const response = { header: record, response: { setHeader: record }, request: {} }
  const ctx = { response, request: {} } as unknown as HttpContext
  for (const guard of guards) await guard(ctx)
  return headers
}

export async function applyShieldHeaders(ctx: HttpContext) {
  if (usesNonce) {
    for (const guard of guards) await guard(ctx)
    return
  }
  constantHeaders ??= recordHeaders()
  for (const [name, value] of await constantHeaders) ctx.response.header(name, value)
}
