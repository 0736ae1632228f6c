import { existsSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import env from '#start/env'

/**
 * Serves the built admin (Vite output) under /admin. Unknown paths fall
 * back to index.html so that client-side routes survive a reload. Hashed
 * assets are cached for a year; index.html never.
 */
export default class AdminStaticMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (url !== '/admin' && !url.startsWith('/admin/')) return next()
    if (!['GET', 'HEAD'].includes(ctx.request.method())) return next()
    // Read here, not in a field: the middleware is built for every API request too.
    const root = resolve(app.makePath(env.get('ADMIN_DIST_DIR', 'admin/dist')))
    const index = resolve(root, 'index.html')
    if (!existsSync(index)) {
      return ctx.response.status(503).send({
        error: {
          code: 'ADMIN_NOT_BUILT',
          message: 'The admin is not built: run `npm run build:admin` (npm start does it)',
        },
      })
    }

    const relative = decodeURIComponent(url.slice('/admin'.length)).replace(/^\/+/, '')
    const candidate = resolve(root, relative)
    const inside = candidate === root || candidate.startsWith(root + sep)
    if (relative && inside && existsSync(candidate) && statSync(candidate).isFile()) {
      if (relative.startsWith('assets/')) {
        ctx.response.header('Cache-Control', 'public, max-age=31536000, immutable')
      }
      return ctx.response.download(candidate, true)
    }

    ctx.response.header('Cache-Control', 'no-cache')
    return ctx.response.download(index, true)
  }
}
