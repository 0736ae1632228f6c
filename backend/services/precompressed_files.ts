import { existsSync } from 'node:fs'

/** The encodings the admin build writes next to each asset, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

export type ContentEncoding = (typeof ENCODINGS)[number]['name']

/**
 * The codings an `Accept-Encoding` header allows: listed with a q above zero, or covered by `*`.
 * Browsers send "gzip, deflate, br, zstd"; `br;q=0` refuses brotli.
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>()
  const refused = new Set<string>()
  let wildcard = false
  for (const part of (header ?? '').split(',')) {
    const [rawName, ...params] = part.trim().toLowerCase().split(';')
    const name = rawName.trim()
    if (!name) continue
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='))
    const allowed = q === undefined || Number(q.slice(2)) > 0
    if (name === '*') wildcard = allowed
    else (allowed ? accepted : refused).add(name)
  }
  if (wildcard) for (const { name } of ENCODINGS) if (!refused.has(name)) accepted.add(name)
  return accepted
}

/**
 * The file to send for `path`: its brotli twin when the client takes br, else its gzip twin when
 * it takes gzip, else the file itself. A twin exists only where the build found it smaller.
 */
export function precompressedVariant(path: string, acceptEncoding: string | undefined) {
  const accepted = acceptedEncodings(acceptEncoding)
  for (const { name, suffix } of ENCODINGS) {
    if (accepted.has(name) && existsSync(path + suffix)) {
      return { path: path + suffix, encoding: name as ContentEncoding }
    }
  }
  return { path, encoding: null }
}
