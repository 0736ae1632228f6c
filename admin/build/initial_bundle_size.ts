import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Size of the JavaScript a browser downloads before the first screen: the entry script plus
 * the chunks `index.html` preloads. Lazy pages and plugin chunks are not counted; they arrive
 * when used. Budget: 400 kB as sent; tests/browser/bundle_budget.spec.ts measures the bytes the
 * server really sends (the build's brotli twins), this gzip figure is a quick estimate of a build.
 */
export const INITIAL_JS_BUDGET_BYTES = 400_000

export function measureInitialJs(distDir: string) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const urls = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1])
  const files = urls.map((url) => {
    // URLs carry the `/admin/` base; files sit below the dist directory without it.
    const relative = url.replace(/^\/admin\//, '')
    const bytes = readFileSync(join(distDir, relative))
    return { file: relative, bytes: bytes.length, gzipBytes: gzipSync(bytes).length }
  })
  return { files, gzipBytes: files.reduce((total, file) => total + file.gzipBytes, 0) }
}

// `node admin/build/initial-bundle-size.ts [distDir]` prints the figure for a build.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, gzipBytes } = measureInitialJs(process.argv[2] ?? 'admin/dist')
  for (const file of files) console.log(`${(file.gzipBytes / 1000).toFixed(1).padStart(8)} kB  ${file.file}`)
  console.log(`${(gzipBytes / 1000).toFixed(1).padStart(8)} kB  initial JS (gzip), budget 400 kB`)
}
