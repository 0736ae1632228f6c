import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'

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
