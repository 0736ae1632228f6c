import { isApiError } from './api_error'

/** Attempts for a failure that may pass (network, 5xx, 429), as react-query's default. */
const TRANSIENT_ATTEMPTS = 3

/**
 * Whether a failed read is worth retrying: a 4xx answer (403 not yours, 404 gone, 422…) will be
 * the same next time, so the screen shows it at once instead of a skeleton behind repeated
 * requests; a network error, a 5xx or a 429 may pass.
 */
export function retryUnlessRefused(failures: number, error: unknown) {
  if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) {
    return error.statusCode === 429 && failures < TRANSIENT_ATTEMPTS
  }
  return failures < TRANSIENT_ATTEMPTS
}
