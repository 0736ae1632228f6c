/** The test server's address: APP_URL when set, else HOST and PORT as bin/test.ts sets them. */
export function appUrl() {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/+$/, '')
  const host = process.env.HOST ?? '127.0.0.1'
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${process.env.PORT ?? '3333'}`
}
