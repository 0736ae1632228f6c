import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'
import { TableroError } from '#exceptions/tablero_error'

/**
 * Brute-force guard for sign-in: failed attempts are counted per email and
 * IP; once the allowance of a minute is used up the next attempt answers 429
 * whatever the password. A success clears the count.
 */
export function loginThrottle() {
  return limiter.use({
    requests: env.get('LOGIN_ATTEMPTS_PER_MINUTE', 5),
    duration: '1 minute',
    blockDuration: '1 minute',
  })
}

export function loginThrottleKey(email: string, ip: string) {
  return `login:${email}:${ip}`
}

/**
 * Runs `verify` (the password check) under the throttle. When the
 * throttle's store cannot answer (Redis stopped, on several nodes) the
 * sign-in fails closed with 503 LOGIN_LIMITER_UNAVAILABLE: the password is
 * never checked without its attempt being counted, so stopping Redis does
 * not open unlimited guessing. Users already signed in keep working (their
 * tokens and sessions never read the limiter). `verify`'s own errors (a
 * wrong password, the database down) pass through unchanged.
 */
export async function throttledSignIn<T>(key: string, verify: () => Promise<T>) {
  const refusals = new Set<unknown>()
  try {
    return await loginThrottle().penalize(key, () =>
      verify().catch((error) => {
        refusals.add(error)
        throw error
      })
    )
  } catch (error) {
    if (refusals.has(error)) throw error
    throw new TableroError(
      'LOGIN_LIMITER_UNAVAILABLE',
      'Sign-in is paused while the attempt limiter cannot be reached: try again in a few seconds',
      503
    )
  }
}
