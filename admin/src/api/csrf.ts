/**
 * Adonis Shield protects cookie sessions with the double-submit XSRF cookie: the server sets
 * `XSRF-TOKEN` on any response and expects it back, URI-decoded, in `X-XSRF-TOKEN` on every
 * mutation.
 */
const XSRF_COOKIE = 'XSRF-TOKEN'
const COOKIE_PROBE_URL = '/api/auth/me'

let pendingProbe: Promise<void> | null = null

export function readXsrfCookie(): string | null {
  for (const pair of document.cookie.split(';')) {
    const [name, ...rest] = pair.trim().split('=')
    if (name === XSRF_COOKIE) return decodeURIComponent(rest.join('='))
  }
  return null
}

/**
 * The token for the next mutation. A fresh tab may post (the login form) before any GET has set
 * the cookie, so one harmless GET is made first; concurrent callers share it.
 */
export async function xsrfToken(): Promise<string> {
  const token = readXsrfCookie()
  if (token) return token
  pendingProbe ??= fetch(COOKIE_PROBE_URL, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
    .then(
      () => undefined,
      () => undefined
    )
    .finally(() => {
      pendingProbe = null
    })
  await pendingProbe
  return readXsrfCookie() ?? ''
}
