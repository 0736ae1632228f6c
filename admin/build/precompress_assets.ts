import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Text files worth compressing; images and fonts are compressed formats already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) twin next to every text file of the build, so the
 * server sends compressed bytes without compressing per request (admin_static_middleware picks
 * the twin by Accept-Encoding). A twin that would not be smaller is not written.
 */
export function precompressAssets(): Plugin {
  return {
    name: 'tablero-precompress-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file))
      await Promise.all(files.map((file) => writeTwins(join(dir, file))))
    },
  }
}

async function writeTwins(path: string) {
  const raw = await readFile(path)
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
  ])
  if (br.length < raw.length) await writeFile(`${path}.br`, br)
  if (gz.length < raw.length) await writeFile(`${path}.gz`, gz)
}
