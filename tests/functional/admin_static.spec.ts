import { mkdir, rm, writeFile } from 'node:fs/promises'
import { request, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

const DIST = app.makePath('tmp/admin-static-spec')
const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>'.repeat(4)
const SCRIPT = 'export const greeting = "hola";\n'.repeat(200)

/** A built admin in miniature: the page and one asset, each with its brotli and gzip twins. */
async function writeDist() {
  await mkdir(join(DIST, 'assets'), { recursive: true })
  for (const [file, text] of [
    ['index.html', INDEX],
    ['assets/app-1a2b3c.js', SCRIPT],
  ]) {
    await writeFile(join(DIST, file), text)
    await writeFile(join(DIST, `${file}.br`), brotliCompressSync(text))
    await writeFile(join(DIST, `${file}.gz`), gzipSync(text))
  }
}

/** The bytes exactly as the server sends them (no client-side decoding). */
function fetchRaw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (done, fail) => {
      const port = Number(process.env.PORT ?? 3333)
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
        )
      })
      req.on('error', fail)
      req.end()
    }
  )
}

function assertStrictPolicy(assert: any, headers: IncomingHttpHeaders) {
  assert.equal(headers['x-frame-options'], 'DENY')
  assert.equal(headers['x-content-type-options'], 'nosniff')
  const policy = String(headers['content-security-policy'] ?? '')
  const directives = new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values.join(' ')] as const
    })
  )
  assert.equal(directives.get('script-src'), "'self'")
  assert.equal(directives.get('frame-ancestors'), "'none'")
  assert.equal(directives.get('object-src'), "'none'")
  assert.equal(directives.get('base-uri'), "'self'")
  assert.equal(directives.get('default-src'), "'self'")
}

test.group('Admin static files', (group) => {
  group.setup(async () => {
    const previous = env.get('ADMIN_DIST_DIR')
    await writeDist()
    env.set('ADMIN_DIST_DIR', DIST)
    return async () => {
      env.set('ADMIN_DIST_DIR', previous ?? 'tmp/admin-test-dist')
      await rm(DIST, { recursive: true, force: true })
    }
  })

  test('the admin page, its assets and the API cannot be framed and carry a strict CSP', async ({
    assert,
  }) => {
    for (const path of ['/admin/', '/admin/clients/7', '/admin/assets/app-1a2b3c.js']) {
      const response = await fetchRaw(path)
      assert.equal(response.status, 200, path)
      assertStrictPolicy(assert, response.headers)
    }
    assertStrictPolicy(assert, (await fetchRaw('/api/auth/me')).headers)
  })

  test('a browser that takes brotli gets the brotli twin, typed as the original file', async ({
    assert,
  }) => {
    const response = await fetchRaw('/admin/assets/app-1a2b3c.js', {
      'accept-encoding': 'gzip, deflate, br, zstd',
    })
    assert.equal(response.headers['content-encoding'], 'br')
    assert.match(String(response.headers['content-type']), /^(text|application)\/javascript/)
    assert.include(String(response.headers.vary), 'Accept-Encoding')
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.deepEqual(response.body, brotliCompressSync(SCRIPT))
    assert.equal(Number(response.headers['content-length']), response.body.length)

    const page = await fetchRaw('/admin/clients/7', { 'accept-encoding': 'gzip, br' })
    assert.equal(page.headers['content-encoding'], 'br')
    assert.match(String(page.headers['content-type']), /^text\/html/)
    assert.equal(page.headers['cache-control'], 'no-cache')
  })

  test('gzip when brotli is not taken, the file as is when nothing is', async ({ assert }) => {
    const gzip = await fetchRaw('/admin/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip' })
    assert.equal(gzip.headers['content-encoding'], 'gzip')
    assert.deepEqual(gzip.body, gzipSync(SCRIPT))

    const refused = await fetchRaw('/admin/', { 'accept-encoding': 'br;q=0, gzip;q=0.8' })
    assert.equal(refused.headers['content-encoding'], 'gzip')

    const plain = await fetchRaw('/admin/assets/app-1a2b3c.js')
    assert.notExists(plain.headers['content-encoding'])
    assert.include(String(plain.headers.vary), 'Accept-Encoding')
    assert.equal(plain.body.toString(), SCRIPT)
  })

  test('each encoding has its own ETag, and a fresh one answers 304', async ({ assert }) => {
    const path = '/admin/assets/app-1a2b3c.js'
    const br = await fetchRaw(path, { 'accept-encoding': 'br' })
    const gzip = await fetchRaw(path, { 'accept-encoding': 'gzip' })
    assert.notEqual(br.headers.etag, gzip.headers.etag)
    const again = await fetchRaw(path, {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    })
    assert.equal(again.status, 304)
    assert.lengthOf(again.body, 0)
  })
})
