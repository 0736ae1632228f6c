import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import env from '#start/env'
import { precompressedVariant } from '#services/precompressed_files'
import { applyShieldHeaders } from '#services/shield_headers'

/**
 * Serves the built admin (Vite output) under /admin. Unknown paths fall
 * back to index.html so that client-side routes survive a reload. Hashed
 * assets are cached for a year; index.html never. Every answer carries the
 * shield's headers (CSP, no framing, nosniff), as the API's do.
 */
export default class AdminStaticMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (url !== '/admin' && !url.startsWith('/admin/')) return next()
    if (!['GET', 'HEAD'].includes(ctx.request.method())) return next()
    await applyShieldHeaders(ctx)
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
      return this.#sendFile(ctx, candidate)
    }

    ctx.response.header('Cache-Control', 'no-cache')
    return this.#sendFile(ctx, index)
  }

  /**
   * Sends the build's brotli or gzip twin of `file` when the client accepts it (the build
   * writes them; nothing is compressed per request), typed as the original file. Each variant
   * has its own ETag, since its bytes differ; caches key on Accept-Encoding.
   */
  #sendFile(ctx: HttpContext, file: string) {
    const { response } = ctx
    const variant = precompressedVariant(file, ctx.request.header('accept-encoding'))
    const stats = statSync(variant.path)
    response.vary('Accept-Encoding')
    response.type(extname(file))
    if (variant.encoding) response.header('Content-Encoding', variant.encoding)
    response.header('Last-Modified', stats.mtime.toUTCString())
    response.setEtag(`${stats.size}-${stats.mtimeMs}-${variant.encoding ?? 'identity'}`, true)
    if (response.fresh()) return response.status(304).send(null)
    response.header('Content-Length', stats.size)
    if (ctx.request.method() === 'HEAD') return response.status(200).send(null)
    return response.stream(createReadStream(variant.path))
  }
}
