/** Query parameters whose values are credentials, whatever the service calls them. */
const SECRET_PARAMS =
  /([?&](?:[\w-]*token|[\w-]*key|secret|password|passwd|signature|sig|auth)=)[^&#\s]*/gi
/** user:password@ in a URL */
const USERINFO = /(\b[a-z][\w+.-]*:\/\/)[^/@\s]+@/gi

export const REDACTED = '[redacted]'

/**
 * Removes credentials from a text bound for a log line or an error a user
 * may read: the given secrets wherever they appear (a token echoed back by
 * a gateway), credential-looking query parameters and URL user info.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined> = []) {
  let redacted = text
  for (const secret of secrets) {
    // Short values would blank out ordinary words: a credential is longer.
    if (secret && secret.length >= 4) redacted = redacted.split(secret).join(REDACTED)
  }
  return redacted.replace(SECRET_PARAMS, `$1${REDACTED}`).replace(USERINFO, `$1${REDACTED}@`)
}
