import { ApiError } from '../../../api/api_error'

/**
 * A bulk request's 422 may name a field as the engine's payload validator does (`status`) or by
 * its place in the body (`values.status`); the modal's input is `status` either way.
 */
export function withoutValuesPrefix(error: ApiError): ApiError {
  if (!error.errors) return error
  const errors = Object.fromEntries(
    Object.entries(error.errors).map(([name, messages]) => [
      name.replace(/^values\./, ''),
      messages,
    ])
  )
  return new ApiError(error.statusCode, error.code, error.message, errors)
}
